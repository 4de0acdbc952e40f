"""How the course is installed and run: the two requirements files, the package metadata, Binder,
the supported Pythons, the lint configuration and the command line in tools/course.py."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from tools import ROOT, course

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LEARNER = {"ipywidgets", "jupyterlab-widgets", "widgetsnbextension", "ipykernel", "jupyterlab-myst", "matplotlib",
           "numpy", "pillow", "jsonschema"}
PYODIDE = {"matplotlib": "3.8.4", "numpy": "2.0.2", "pillow": "10.2.0"}  # Pyodide 0.27.7


def pins(name: str) -> dict[str, str]:
    """{normalised package name: version} for every pin in a requirements file (``-r`` lines aside)."""
    lines = [line for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith(("#", "-r "))]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", line) for line in lines), lines
    return {re.sub(r"[-_.]+", "-", line.split("==")[0]).lower(): line.split("==")[1] for line in lines}


def test_requirements_are_pinned_exactly():
    assert pins("requirements-dev.txt")["jupyter-book"] == "1.0.4.post1"


def test_learners_install_only_what_the_notebooks_need():
    assert set(pins("requirements.txt")) == LEARNER
    dev = pins("requirements-dev.txt")
    assert not set(dev) & LEARNER, "a pin belongs in one file"
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
    assert {"jupyter-book", "pytest", "nbval", "hypothesis", "playwright", "pypdf", "ruff", "jupyterlab"} <= set(dev)


def test_binder_files():
    """repo2docker installs requirements.txt, then runs `pip install .` because pyproject.toml has
    [project] and [build-system]: no postBuild is needed."""
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    assert not (ROOT / "postBuild").exists()
    assert {"project", "build-system"} <= PYPROJECT.keys()


def test_the_package_installs_on_python_3_11_to_3_13():
    specifier = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert [v for v in ("3.10", "3.11", "3.12", "3.13", "3.14") if v in specifier] == list(course.SUPPORTED)


def test_the_package_declares_what_it_imports_with_ranges_that_admit_pyodide_and_the_pins():
    requirements = {Requirement(text).name.lower(): Requirement(text).specifier
                    for text in PYPROJECT["project"]["dependencies"]}
    assert set(requirements) == {"ipywidgets", "matplotlib", "numpy", "pillow", "jsonschema"}
    pinned = {name: version for name, version in pins("requirements.txt").items() if name in requirements}
    for name, version in [*PYODIDE.items(), *pinned.items()]:
        assert version in requirements[name], f"{name} {version} is outside {requirements[name]}"


def test_the_package_ships_every_subpackage():
    include = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {path.parent.relative_to(ROOT).as_posix().replace("/", ".")
                for path in (ROOT / "exercises").rglob("__init__.py")}
    assert include == ["exercises", "exercises.*"] and "exercises.kit" in packages


def test_the_pre_commit_hook_runs_the_pinned_ruff():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "https://github.com/astral-sh/ruff-pre-commit" in config
    assert re.search(r"(?m)^\s+rev: v(\S+)$", config)[1] == pins("requirements-dev.txt")["ruff"]


def test_no_tool_or_test_edits_sys_path_and_root_is_defined_once():
    files = [*(ROOT / "tools").rglob("*.py"), *(ROOT / "tests").glob("*.py")]
    edits = [p.name for p in files if re.search(r"sys\.path\.(insert|append)", p.read_text(encoding="utf-8"))]
    assert edits == []
    roots = [p.name for p in (ROOT / "tools").rglob("*.py")
             if re.search(r"(?m)^ROOT\s*=", p.read_text(encoding="utf-8"))]
    assert roots == ["__init__.py"]


def test_course_py_starts_with_the_standard_library_only():
    """-S: no site-packages, so the bootstrap cannot lean on anything pip installed."""
    shown = subprocess.run([sys.executable, "-S", str(ROOT / "tools" / "course.py"), "--help"],
                           capture_output=True, text=True, cwd=ROOT.parent)
    assert shown.returncode == 0, shown.stderr
    for command in ["test", "serve", *course.TOOLS]:
        assert re.search(rf"(?m)^    {re.escape(command)}\s", shown.stdout), command


@pytest.mark.parametrize("command", list(course.TOOLS))
def test_every_command_runs_a_tool_module_that_exists(command):
    module = course.TOOLS[command][0][0]
    assert (ROOT / f"{module.replace('.', '/')}.py").exists(), module


def test_commands_of_their_own_refuse_unknown_arguments(capsys):
    with pytest.raises(SystemExit):
        course.main(["test", "--no-such-option"])
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_pythons_are_found_on_the_path_or_else_under_pyenv(tmp_path, monkeypatch):
    version = "{}.{}".format(*sys.version_info[:2])
    on_path, pyenv = tmp_path / "bin", tmp_path / "pyenv"
    (on_path / f"python{version}").parent.mkdir()
    (on_path / f"python{version}").symlink_to(sys.executable)
    installed = pyenv / "versions" / f"{version}.99" / "bin" / f"python{version}"
    installed.parent.mkdir(parents=True)
    installed.symlink_to(sys.executable)
    monkeypatch.setenv("PYENV_ROOT", str(pyenv))
    monkeypatch.setenv("PATH", str(on_path))
    assert course.find_python(version) == str(on_path / f"python{version}")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert course.find_python(version) == str(installed)
    assert course.find_python("3.99") is None
