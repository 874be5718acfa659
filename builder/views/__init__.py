"""The views: the record turned into files of the site, independent of the site generator.

`pages` (timeline, events, browse, home), `exports` (downloads and feeds), `presidents_chart`
and `maps` are siblings that never import each other; what they share is here: `output`
(the file they produce), `paths` (addresses) and `settings` (what they know of the site).
"""
