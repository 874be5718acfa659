"""`make bench`'s search figure: what a reader downloads from opening the home page to the
first search's results.

The built site is served on 127.0.0.1 by `tools.audit.serve` (gzip as GitHub Pages, every
response logged with the bytes sent, headers included), as for the timeline figures
(`tools.timeline_bench`). Debian's Chromium opens the home page with an empty cache, waits until
the network is idle, presses the theme's search key (/), types a query and waits for the first
result's link and then for the network to be idle again: every response in between counts.
"""

from __future__ import annotations

from pathlib import Path

from tools.timeline_bench import (
    KB,
    FirstLoad,
    chromium,
    load_average,
    served,
    transfer_lines,
    visit,
)

SEARCH_BUDGET = 600 * KB  # home page and first search, a record of 10,000 events
# A word every synthetic record has (tools/synthetic.py draws its texts from the real record's)
# and the real record too, typed as a reader would, accent included.
QUERY = "Balcázar"
HOMES = ("", "es/")
RESULT_SECONDS = 180  # a lunr index of 10,000 events on a busy machine


def first_search(browser, base: str, log: list, path: str = "", query: str = QUERY) -> FirstLoad:
    """Open `base + path` with an empty cache, search for `query` with the theme's search box and
    count what the server sent until the results were shown and the network was idle; `log` is
    the server's transfer log (`tools.timeline_bench.served`)."""

    def search(page) -> None:
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.locator(".md-search-result__link").first.wait_for(timeout=RESULT_SECONDS * 1000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # what the results' rendering asks for after the idle

    return visit(browser, base, log, path, RESULT_SECONDS, then=search)


def search_lines(search: FirstLoad, budget: int) -> list[str]:
    """A first search's total against `budget`, then its five largest transfers."""
    what = f"home page /{search.path} and a first search for “{QUERY}”"
    return transfer_lines(what, search, budget, "goal")


def measure_site(site: Path, label: str, budget: int = SEARCH_BUDGET) -> list[FirstLoad]:
    """The first-search figures of one built site in each language, printed as they come."""
    print(f"\n{label}: the first search in Chromium ({load_average()})", flush=True)
    searches = []
    with served(site) as (base, log), chromium() as browser:
        for path in HOMES:
            search = first_search(browser, base, log, path)
            searches.append(search)
            for line in search_lines(search, budget):
                print(f"  {line}", flush=True)
    print(f"  ({load_average()})", flush=True)
    return searches


if __name__ == "__main__":
    import sys

    measure_site(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else sys.argv[1])
