"""The deployment files agree with the project and keep the demo's safety settings."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower()


def test_requirements_match_the_project_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    lines = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert sorted(lines) == sorted(project)
    assert {_name(x) for x in lines} >= {"streamlit", "pandas", "jieba", "opencc-python-reimplemented", "altair"}


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
