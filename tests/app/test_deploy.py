"""The deployment files agree with the project and keep the demo's safety settings."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower()


def _locked() -> dict[str, str]:
    """requirements.txt's pins: name → version."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep, f"requirements.txt pins every package exactly, not {line!r}"
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_the_lock_pins_every_project_dependency_within_its_range():
    from packaging.requirements import Requirement

    pins = _locked()
    for spec in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        req = Requirement(spec)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not locked in requirements.txt (run make lock)"
        assert req.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} is outside {req.specifier}"
    assert {"streamlit", "pandas", "jieba", "opencc-python-reimplemented", "altair"} <= set(pins)


def test_every_third_party_import_is_declared():
    # the modules explore and app.py import, against the project's dependencies (import names differ)
    import ast
    import sys

    declared = {
        re.split(r"[<>=!~\[ ;]", x, maxsplit=1)[0].lower()
        for x in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    import_names = {"sklearn": "scikit-learn", "PIL": "pillow", "fontTools": "fonttools", "bs4": "beautifulsoup4",
                    "opencc": "opencc-python-reimplemented", "charset_normalizer": "charset-normalizer"}  # fmt: skip
    found = set()
    for path in [ROOT / "app.py", *(ROOT / "explore").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            found.update(n.split(".")[0] for n in names)
    third = {n for n in found if n not in sys.stdlib_module_names and n not in {"explore", "tests", "__future__"}}
    missing = {n for n in third if import_names.get(n, n).lower().replace("_", "-") not in declared}
    # the cluster extra is imported only where --scheduler names a cluster
    assert missing <= {"dask_jobqueue"}, f"imported but not declared: {sorted(missing)}"


def test_system_packages_include_a_chinese_font():
    assert "fonts-noto-cjk" in (ROOT / "packages.txt").read_text().split()


def test_streamlit_config_is_fit_for_a_public_demo():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 50
    assert config["server"]["headless"] is True
    assert config["browser"]["gatherUsageStats"] is False


def test_readme_explains_deployment():
    readme = (ROOT / "README.md").read_text()
    assert "## Deploying the shared demo" in readme
    assert "packages.txt" in readme and "requirements.txt" in readme
