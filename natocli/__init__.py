"""natocli: a local, queryable knowledge base of NATO news articles."""

__version__ = "0.1.0"
