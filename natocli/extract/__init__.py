"""Extractors: pure functions from cleaned article text to matches with character spans."""
