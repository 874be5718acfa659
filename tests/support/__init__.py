"""Helpers the tests share, imported explicitly (`from tests.support.project import new_project`).

- `project`: real project folders (registries, boundaries, one valid event) to write files into.
- `site`: a small site project, a copy of the repository's project, and `mkdocs_build`.
- `maps`: events and map definitions for the map tests.
- `server`: the one quiet HTTP server for a built site on 127.0.0.1.
- `browser`: Debian's Chromium under Playwright, and `Visit`, a page that records its requests.
- `cli`: the `peru-timeline` command run in process with click's `CliRunner`.
- `hostile_site`, `hostile_browser`: the script-injection project and its survey in Chromium.

The fixtures built on these are declared in tests/conftest.py.
"""
