"""The house's layers hold: import-linter checks the contracts in pyproject.toml (ARCHITECTURE.md).

A module that imports upwards (the record importing a view, a view importing MkDocs) or sideways
between view siblings fails here, with the chain of imports that breaks the contract."""

from __future__ import annotations

import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

REPO = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept(monkeypatch, capsys) -> None:
    monkeypatch.chdir(REPO)
    exit_code = lint_imports(
        config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True
    )
    report = capsys.readouterr().out
    assert exit_code == 0, report
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
    assert len(contracts) >= 4
    assert f"Contracts: {len(contracts)} kept, 0 broken." in report


def test_a_broken_layer_is_caught(tmp_path, monkeypatch, capsys) -> None:
    """The contracts are not vacuous: the layers contract, given a record module that imports a
    view, reports it broken."""
    package = tmp_path / "house"
    for folder in ("record", "views"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "record" / "model.py").write_text("from house.views import page\n")
    (package / "views" / "page.py").write_text("")
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["house"]\n\n'
        '[[tool.importlinter.contracts]]\nname = "layers"\ntype = "layers"\n'
        'layers = ["house.views", "house.record"]\n'
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert lint_imports(config_filename=str(config), no_cache=True, no_logo=True) == 1
    report = capsys.readouterr().out
    assert "house.record.model -> house.views.page" in report
