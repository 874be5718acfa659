"""The accessibility tests' copy of axe-core is the version package-lock.json pins."""

from __future__ import annotations

import re

from tests.support.project import REPO
from tools.vendor_axe import FILES, VENDOR, pinned


def test_the_vendored_axe_core_is_the_pinned_version():
    version, integrity = pinned(REPO)
    assert integrity.startswith("sha512-")
    script = (REPO / VENDOR / "axe.min.js").read_text(encoding="utf-8")
    assert re.match(r"/\*! axe v(\S+)", script).group(1) == version
    assert all((REPO / VENDOR / name).is_file() for name in FILES)
    assert "Mozilla Public License" in (REPO / VENDOR / "LICENSE").read_text(encoding="utf-8")
