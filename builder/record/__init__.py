"""The record: the events and registries read from YAML, checked, and held as plain objects.

The lowest layer. It knows nothing of languages' words, pages or site generators; every other
layer reads the record through `load.load_record` and the classes of `model`.
"""
