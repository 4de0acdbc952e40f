"""Point the course at a repository (for forks): updates _config.yml and every notebook's Colab cell.

usage: python -m tools.set_repo_url https://github.com/OWNER/REPO
"""

from __future__ import annotations

import argparse
import re
import sys

from tools import ROOT
from tools.booksource import COLAB_URL

URL = re.compile(r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
CONFIG_URL = re.compile(r"(?m)^(  url: )(\S+)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="course.py set-repo", description=__doc__.split("\n", 1)[0])
    parser.add_argument("url", help="https://github.com/OWNER/REPO")
    url = parser.parse_args(argv).url
    if not URL.match(url):
        parser.error(f"{url!r} is not a GitHub repository URL (https://github.com/OWNER/REPO)")
    config = ROOT / "_config.yml"
    config.write_text(CONFIG_URL.sub(lambda m: m.group(1) + url, config.read_text(encoding="utf-8"), count=1),
                      encoding="utf-8")
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        notebook.write_text(COLAB_URL.sub(f"git+{url}", text), encoding="utf-8")
    print(f"Repository set to {url} in _config.yml and the notebooks' Colab cells.")


if __name__ == "__main__":
    main(sys.argv[1:])
