"""Maps of the record: definitions in maps/*.yml, drawn as interactive, print and locator maps.

- `builder.views.maps.pages.map_files(record, root, lang)`: every map's files for the site.
- `builder.views.maps.locator.region_locator_svg(iso_codes, lang)`: a small locator SVG.
- `builder.cli.maps.maps_command`: `peru-timeline maps`, a print map for a chosen window.
"""
