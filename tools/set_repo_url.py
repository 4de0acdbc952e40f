"""Point the course at a repository (for forks): updates _config.yml and every notebook's Colab cell.

usage: python tools/set_repo_url.py https://github.com/OWNER/REPO
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URL = re.compile(r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
CONFIG_URL = re.compile(r"(?m)^(  url: )(\S+)")
COLAB_URL = re.compile(r"git\+https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def configured_url() -> str:
    match = CONFIG_URL.search((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if not match:
        raise SystemExit("_config.yml has no repository url")
    return match.group(2)


def main(args: list[str]) -> None:
    if len(args) != 1 or not URL.match(args[0]):
        raise SystemExit(__doc__)
    url = args[0]
    config = ROOT / "_config.yml"
    config.write_text(CONFIG_URL.sub(lambda m: m.group(1) + url, config.read_text(encoding="utf-8"), count=1),
                      encoding="utf-8")
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        notebook.write_text(COLAB_URL.sub(f"git+{url}", text), encoding="utf-8")
    print(f"Repository set to {url} in _config.yml and the notebooks' Colab cells.")


if __name__ == "__main__":
    main(sys.argv[1:])
