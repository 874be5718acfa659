"""The MkDocs adapter: hands the views' files to MkDocs and runs its builds.

The only layer that imports MkDocs.
"""
