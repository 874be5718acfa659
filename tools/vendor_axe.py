"""The accessibility tests' copy of axe-core, taken from npm at the version package-lock.json pins.

    python -m tools.vendor_axe [--root .]

`make test` must work on a machine without Node.js, so the tests read a committed copy,
`tests/vendor/axe-core/axe.min.js` (with its licence), rather than `node_modules/`. This script
regenerates that copy: `npm pack` fetches the pinned tarball, whose digest must equal the lock's
`integrity`, and the two files are taken from it. Run it after changing axe-core's version in
package.json (`npm install --save-exact --save-dev axe-core@X`); `make vendor-axe` does both steps
after a `npm install`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path("tests/vendor/axe-core")
FILES = ("axe.min.js", "LICENSE")


def pinned(root: Path) -> tuple[str, str]:
    """axe-core's version and integrity (`sha512-…`) as package-lock.json records them."""
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"].get("node_modules/axe-core")
    if entry is None:
        raise SystemExit("package-lock.json has no axe-core: npm install --save-exact axe-core")
    return entry["version"], entry["integrity"]


def vendor(root: Path) -> list[Path]:
    """Fetch the pinned axe-core tarball, check its digest, write FILES into VENDOR."""
    version, integrity = pinned(root)
    algorithm, expected = integrity.split("-", 1)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"axe-core@{version}", "--pack-destination", tmp, "--silent"],
            check=True,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
        )
        tarball = Path(tmp) / f"axe-core-{version}.tgz"
        digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
        if digest != expected:
            raise SystemExit(f"{tarball.name}: {algorithm} {digest} is not the lock's {expected}")
        target = root / VENDOR
        target.mkdir(parents=True, exist_ok=True)
        written = []
        with tarfile.open(tarball) as archive:
            for name in FILES:
                member = archive.extractfile(f"package/{name}")
                if member is None:
                    raise SystemExit(f"{tarball.name} has no package/{name}")
                (target / name).write_bytes(member.read())
                written.append(target / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository's root")
    args = parser.parse_args(argv)
    for path in vendor(args.root):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
