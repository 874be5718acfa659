"""The README's map gallery: each print map's A4 PDF turned into a PNG by poppler's pdftoppm.

    python -m tools.gallery [--root .] [--out content/assets/gallery] [--width 800]

Rasterising the PDF (not matplotlib's own PNG) shows what a printer gets from the file we
publish. Needs `pdftoppm` (Debian package poppler-utils; `make deps` installs it).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from builder.adapter.project import configured_site_name, configured_site_url
from builder.record.load import load_record
from builder.views import paths
from builder.views.maps.definitions import load_definitions
from builder.views.maps.measures import measure
from builder.views.maps.pages import (
    page_path,
    print_context,
)
from builder.views.maps.print_maps import render

DEFAULT_OUT = Path("content/assets/gallery")


def pdf_to_png(pdf: bytes, target: Path, width: int) -> None:
    """Rasterise the first page of `pdf` to `target` (a PNG `width` pixels wide) with pdftoppm."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm is missing: install poppler-utils (make deps)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "map.pdf"
        source.write_bytes(pdf)
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-singlefile",
                "-scale-to-x",
                str(width),
                "-scale-to-y",
                "-1",
                str(source),
                str(stem),
            ],
            check=True,
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stem.with_suffix(".png"), target)


def build_gallery(root: Path, out: Path, width: int = 800, lang: str = "en") -> list[Path]:
    """One PNG per map definition in `out`; returns their paths."""
    record = load_record(root)
    site_url = configured_site_url(root)
    written = []
    for definition in load_definitions(root, record):
        data = measure(definition, record)
        url = (site_url.rstrip("/") + "/" if site_url else "") + paths.page_url(
            page_path(definition.name, lang)
        )
        pdf = render(
            data,
            print_context(data, record, lang, url, configured_site_name(root, lang)),
            lang,
            "a4",
            ("pdf",),
        )["pdf"]
        target = out / f"{definition.name}.png"
        pdf_to_png(pdf, target, width)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder")
    parser.add_argument(
        "--out", type=Path, default=None, help=f"where the PNGs go (default: <root>/{DEFAULT_OUT})"
    )
    parser.add_argument("--width", type=int, default=800, help="width in pixels (default 800)")
    parser.add_argument("--lang", choices=("en", "es"), default="en")
    args = parser.parse_args(argv)
    out = args.out or args.root / DEFAULT_OUT
    for path in build_gallery(args.root, out, args.width, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
