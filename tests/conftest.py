"""Shared fixtures: every test gets its own database and a fixed "today"; nothing touches real user data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from natocli.cli import app

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("NATOCLI_DB", str(tmp_path / "natocli.db"))
    monkeypatch.setenv("NATOCLI_TODAY", TODAY)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "natocli.db"


class Run:
    """Invoke the public CLI as a user would; returns Click's result."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args, "--json")
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A writable copy of the seed articles."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((Path(__file__).parent / "seeds-expected.json").read_text(encoding="utf-8"))
