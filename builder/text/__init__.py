"""Words per language: interface strings, dates and numbers as readers read them, and markup.

Above the record, below the views: pages, downloads, maps and the chart all phrase things
through this layer, so a word or a date reads the same everywhere.
"""
