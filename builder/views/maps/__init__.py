"""Maps of the record: definitions in maps/*.yml, drawn as interactive, print and locator maps.

- `builder.views.maps.pages.map_files(record, root, lang)`: every map's files for the site.
- `builder.views.maps.locator.locator_files()`, `locator_label(iso_codes, lang)`: the small
  locator maps (shared drawings, stacked by the pages) and their text alternative.
- `builder.cli.maps.maps_command`: `peru-timeline maps`, a print map for a chosen window.
"""
