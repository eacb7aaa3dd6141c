"""``pip install smtpcodes`` without extras: nothing third-party, and the core still works.

Code that ``smtpcodes lint --fix`` rewrote imports ``SMTPStatus`` at run time, so installing
smtpcodes must not drag Markdown (or anything else) into an application's environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: pip without this machine's own indexes and wheel folders: only what we hand it.
OFFLINE = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": "",
           "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(ROOT)],
                   check=True, env=OFFLINE, timeout=300)
    return next(out.glob("smtpcodes-*.whl"))


@pytest.fixture(scope="module")
def bare_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtual environment holding only the wheel, installed with no index to pull
    dependencies from: a declared dependency would make the install fail."""
    env = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True,
                   timeout=120)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"),
                    "install", "-q", str(wheel)], check=True, env=OFFLINE, timeout=300)
    yield env


def test_wheel_requires_nothing_without_extras(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode("utf-8").splitlines()
    requires = [line for line in lines if line.startswith("Requires-Dist:")]
    assert requires and all("extra ==" in line for line in requires), requires
    extras = {line.split(": ", 1)[1] for line in lines if line.startswith("Provides-Extra:")}
    assert {"markdown", "mkdocs", "sphinx", "flake8", "yaml", "toml"} <= extras


def _run(env: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), input=stdin, capture_output=True, text=True, check=False,
                          timeout=60, cwd=env, env={"PATH": str(env / "bin"),
                                                    "PYTHONIOENCODING": "utf-8"})


def test_the_core_works_in_a_bare_environment(bare_env: Path) -> None:
    python = str(bare_env / "bin" / "python")
    listed = subprocess.run([sys.executable, "-m", "pip", "--python", python, "list",
                             "--format=freeze"], capture_output=True, text=True, check=True,
                            env=OFFLINE, timeout=60)
    names = {line.split("==")[0].lower() for line in listed.stdout.splitlines()}
    assert names == {"smtpcodes"}, names
    api = _run(bare_env, python, "-c",
               "import smtpcodes; print(smtpcodes.lookup('553').name, "
               "str(smtpcodes.SMTPStatus.OK), smtpcodes.lookup('550-5.1.1').code)")
    assert api.stdout == "Mailbox name invalid 250 5.1.1\n", api.stderr
    explained = _run(bare_env, "smtpcodes", "explain", "550 5.1.1 User unknown")
    assert explained.returncode == 0 and explained.stdout.startswith("SMTP 550 5.1.1 · ")
    piped = _run(bare_env, "smtpcodes", "explain", "-", stdin="said: 451 4.7.1 later\n")
    assert piped.returncode == 0 and "SMTP 451 4.7.1 · " in piped.stdout
    assert _run(bare_env, "smtpcodes", "list", "--json").returncode == 0


def test_what_needs_an_extra_says_which(bare_env: Path) -> None:
    check = _run(bare_env, "smtpcodes", "check-docs", ".")
    assert check.returncode == 2
    assert check.stderr == ("smtpcodes: error: check-docs needs Python-Markdown: "
                            "pip install 'smtpcodes[markdown]'\n")
    (bare_env / "mine.yaml").write_text("codes: {}\n", "utf-8")
    yaml = _run(bare_env, "smtpcodes", "list", "--catalogue", "mine.yaml")
    assert yaml.returncode == 2 and "pip install 'smtpcodes[yaml]'" in yaml.stderr
    (bare_env / "mine.toml").write_text('[codes."559"]\nname = "A"\ndescription = "B"\n', "utf-8")
    toml = _run(bare_env, "smtpcodes", "explain", "559", "--catalogue", "mine.toml")
    if sys.version_info >= (3, 11):
        assert toml.returncode == 0 and toml.stdout.startswith("SMTP 559 · A")
    else:
        assert toml.returncode == 2 and "pip install 'smtpcodes[toml]'" in toml.stderr


@pytest.mark.parametrize("module, extra", [
    ("smtpcodes.markdown_ext", "markdown"), ("smtpcodes.mkdocs_plugin", "mkdocs"),
    ("smtpcodes.sphinx", "sphinx")])
def test_a_front_end_without_its_extra_says_what_to_install(bare_env: Path, module: str,
                                                             extra: str) -> None:
    result = _run(bare_env, str(bare_env / "bin" / "python"), "-c", f"import {module}")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"ModuleNotFoundError: {module} needs "), last
    assert last.endswith(f"is not installed: pip install 'smtpcodes[{extra}]'"), last
