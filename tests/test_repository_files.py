"""The repository's files are as .gitattributes and .editorconfig say: UTF-8, LF, no tabs in YAML."""

from __future__ import annotations

import subprocess

import pytest

from tests.support.project import REPO

BINARY = (".png", ".jpg", ".pdf", ".zip", ".woff2")


def tracked() -> list[str]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [name for name in out.decode().split("\0") if name and not name.endswith(BINARY)]


def test_text_files_are_utf8_with_lf_line_ends() -> None:
    for name in tracked():
        path = REPO / name
        if not path.is_file():
            continue  # deleted in the working copy
        data = path.read_bytes()
        data.decode("utf-8")  # raises on a file that is not UTF-8
        assert b"\r\n" not in data, f"{name} has CRLF line ends"


def test_yaml_files_indent_with_spaces() -> None:
    for name in tracked():
        if name.endswith((".yml", ".yaml")) and (REPO / name).is_file():
            for number, line in enumerate((REPO / name).read_text("utf-8").splitlines(), 1):
                assert not line[: len(line) - len(line.lstrip())].count("\t"), f"{name}:{number}"


def test_the_editor_settings_say_two_spaces_lf_utf8() -> None:
    text = (REPO / ".editorconfig").read_text(encoding="utf-8")
    default = text.split("[*]")[1].split("\n[")[0]
    for setting in (
        "charset = utf-8",
        "end_of_line = lf",
        "indent_style = space",
        "indent_size = 2",
    ):
        assert setting in default
    assert "* text=auto eol=lf" in (REPO / ".gitattributes").read_text(encoding="utf-8")
