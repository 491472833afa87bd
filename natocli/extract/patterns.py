"""Regex building blocks shared by the extractors."""

from __future__ import annotations

import re


def trie_regex(words: list[str]) -> str:
    """One regex alternation for `words`, factored as a character trie.

    It costs about as much as a single word search, and greedy optional tails
    make the longest form win ("Guinea-Bissau" over "Guinea", "Papua New
    Guinea" over "New Guinea"); the caller's trailing boundary makes the regex
    back off to a shorter form when needed.
    """
    end = ""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[end] = True

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != end]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end in node else body

    return emit(trie)
