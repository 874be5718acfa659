"""One site in several languages: English at the root, every other language under `<lang>/`.

What MkDocs knows of one language only: its navigation (translated here, page for page), the
site's name and description in the header, the search index the theme looks for, and which
page is the same page in another language (the switch and hreflang).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig

from builder.text.strings import strings
from builder.views import paths

# The theme's page settings: `"base": "../.."`, the site root relative to the page.
_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": )"([^"]*)"'
)


def language_of(src_uri: str, languages: Sequence[str]) -> str:
    """The language of the page at `src_uri`: its first folder if that is a language, else English."""
    first = src_uri.split("/", 1)[0]
    return first if first in languages and first != "en" and "/" in src_uri else "en"


def translated_nav(items: list, lang: str, pages: set[str]) -> list:
    """mkdocs.yml's navigation for `lang`: its titles translated, its pages in that language.

    A page without a version in `lang` is left out: its English page belongs to the English nav.
    """
    titles = strings(lang)["nav"]
    translated = []
    for item in items:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            title = titles.get(title, title)
            if isinstance(value, list):
                translated.append({title: translated_nav(value, lang, pages)})
            else:
                path = paths.lang_prefix(lang) + value
                if path in pages:
                    translated.append({title: path})
        else:
            path = paths.lang_prefix(lang) + item
            if path in pages:
                translated.append(path)
    return translated


def versions_of(
    src_uri: str, languages: Sequence[str], pages: set[str], directory_urls: bool
) -> dict:
    """The page's language and the same page in every language that has it (for hreflang and
    the language switch)."""
    lang = language_of(src_uri, languages)
    base = src_uri[len(paths.lang_prefix(lang)) :]
    versions = {}
    for other in languages:
        path = paths.lang_prefix(other) + base
        if path in pages:
            versions[other] = paths.page_url(path, directory_urls)
    others = [
        {"lang": other, "url": url, **_switch_words(other)}
        for other, url in versions.items()
        if other != lang
    ]
    return {"lang": lang, "versions": versions, "others": others}


def with_search_base(output: str, lang: str) -> str:
    """A rendered page whose search reads its own language's index: the theme loads the index
    found under its settings' "base" address, so a Spanish page's base is the Spanish tree."""
    if lang == "en":
        return output
    return _CONFIG_BASE.sub(
        lambda m: f'{m.group(1)}"{m.group(2).rstrip("/")}/{lang}/"', output, count=1
    )


class LocalConfig:
    """The configuration as the templates of one page see it: the same, with the site's name,
    description and home page in the page's language."""

    def __init__(self, config: MkDocsConfig, **overrides) -> None:
        self._config = config
        self._overrides = overrides

    def __getattr__(self, name: str):
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._config, name)

    def __getitem__(self, key: str):
        return self._overrides[key] if key in self._overrides else self._config[key]

    def __contains__(self, key: object) -> bool:
        return key in self._config

    def get(self, key: str, default=None):
        return self[key] if key in self._config else default


def _switch_words(lang: str) -> dict[str, str]:
    """How the language switch names `lang`: in that language, as a reader of it looks for it."""
    words = strings(lang)
    return {
        "name": words["language_name"],
        "label": words["switch_language_label_to"],
        "search": words["search_in_language"],
    }
