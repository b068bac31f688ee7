"""Turning what people type into a safe SQLite FTS5 query.

Users type plain words, not FTS5 syntax: every word becomes a quoted phrase (so `-`, `:`,
`AND`, `(`, `*` and quotes are just text) and the last word is matched as a prefix, so the
list narrows while typing. Words without a letter or digit are dropped; when nothing is left
the search has no results (rather than an FTS5 syntax error).
"""

from __future__ import annotations

SNIPPET_OPEN = "«"
SNIPPET_CLOSE = "»"
SNIPPET_ELLIPSIS = "…"
SNIPPET_TOKENS = 12
# The arguments after the column of FTS5's snippet(), as SQL.
SNIPPET_SQL_ARGUMENTS = (
    f"'{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '{SNIPPET_ELLIPSIS}', {SNIPPET_TOKENS}")


def _has_word_character(token: str) -> bool:
    return any(character.isalnum() for character in token)


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for `text`, or None when it holds nothing searchable.

    >>> fts_query('left off "rota')
    '"left" "off" "rota"*'
    """
    tokens = [token for token in text.split() if _has_word_character(token)]
    if not tokens:
        return None
    phrases = ['"' + token.replace('"', '""') + '"' for token in tokens]
    # A trailing quote or bracket would make the prefix apply to nothing useful; the
    # tokenizer ignores such characters inside the phrase anyway.
    phrases[-1] += "*"
    return " ".join(phrases)
