"""Extractors: pure functions from cleaned article text to matches with character spans.

One module per extractor; ``natocli.extract.document.extract_all`` runs them all
over one document at index time.
"""
