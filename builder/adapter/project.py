"""The project's site settings read from its mkdocs.yml without running MkDocs, for the
commands that draw a print map outside a build (`peru-timeline maps print`, the gallery)."""

from __future__ import annotations

from pathlib import Path

import yaml

PLUGIN = "peru-timeline"


class _TaggedLoader(yaml.SafeLoader):
    """A safe YAML loader that reads mkdocs.yml's tags (`!ENV`, `!!python/name:`) as null."""


_TaggedLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _settings(root: Path) -> dict:
    config = Path(root) / "mkdocs.yml"
    if not config.is_file():
        return {}
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_TaggedLoader)
    return settings if isinstance(settings, dict) else {}


def configured_site_name(root: Path, lang: str = "en") -> str:
    """The site's name in `lang` from the project's mkdocs.yml: the plugin's `site_names` entry
    for `lang`, else `site_name`, else ""."""
    settings = _settings(root)
    if lang != "en":
        for plugin in settings.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get(PLUGIN), dict):
                name = (plugin[PLUGIN].get("site_names") or {}).get(lang)
                if name:
                    return str(name)
    return str(settings.get("site_name") or "")


def configured_site_url(root: Path) -> str:
    """`site_url` from the project's mkdocs.yml, or ""."""
    return str(_settings(root).get("site_url") or "")
