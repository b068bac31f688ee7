"""A small ranked search over guides and scenarios (BM25F-style, no dependencies).

Fields are weighted (title and tags count most), words are lower-cased and lightly stemmed,
stop words dropped, and a short table of domain synonyms widens the query: "boss" also finds
"manager", "can't go on" also finds "suicide". Each hit carries the best-matching sentence as
a snippet with the matched words marked.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from peerdesk.guides.model import GUIDE, Item, Library

FIELD_WEIGHTS: dict[str, float] = {
    "title": 4.0, "tags": 3.0, "summary": 2.0, "headings": 1.5, "body": 1.0,
}
K1 = 3.0
B = 0.6
SYNONYM_WEIGHT = 0.5  # a synonym counts half as much as the word actually typed
PHRASE_WEIGHT = 0.8  # a known phrase ("can't go on") points firmly at its concept
SCENARIO_FACTOR = 0.9  # on a close call, the guide explains more than the scenario
SNIPPET_CHARS = 240
MIN_RELATIVE_SCORE = 0.15  # weaker matches are noise next to the best one

_STOP_WORDS_TEXT = """
a about above after again against all am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't
doing don't down during each few for from further had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up
very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
your yours yourself yourselves also just really get got make made want way like one someone
something thing things say says said tell told use using will may might must need
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Each group: words and phrases that mean the same thing for a supporter looking something up.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("risk", "suicide", "suicidal", "self-harm", "harm themselves", "hurt themselves",
     "kill myself", "end it", "end my life", "ending their life", "can't go on",
     "cannot go on", "better off without me", "crisis", "danger", "safety"),
    ("manager", "boss", "supervisor", "team leader", "line manager", "senior"),
    ("complaint", "complain", "report", "reporting", "grievance", "formal"),
    ("eap", "employee assistance", "counselling", "counseling", "counsellor", "counselor",
     "therapist", "referral", "refer"),
    ("bystander", "witness", "saw", "seen", "watched", "observer", "upstander"),
    ("notes", "note", "record", "recording", "log", "write", "journal"),
    ("document", "documenting", "diary", "evidence", "incidents", "record"),
    ("start", "begin", "opening", "open", "introduce", "introduction"),
    ("end", "finish", "closing", "close", "wrap up"),
    ("confidential", "confidentiality", "secret", "secrecy", "privacy", "private"),
    ("burnout", "self-care", "exhausted", "drained", "wellbeing", "vicarious", "stress"),
    ("conflict of interest", "conflict", "know the person", "friend", "bias"),
    ("bully", "bullying", "harassment", "mistreatment", "abuse"),
    ("group", "circle", "peer group", "facilitate", "facilitation"),
    ("retaliation", "revenge", "payback", "punished", "reprisal"),
    ("<5", "suppression", "suppressed", "small counts", "hidden", "blank cells"),
    ("statistics", "figures", "numbers", "data", "report"),
    ("empathy", "empathic", "validate", "validation", "sympathy"),
    ("listening", "listen", "oars", "reflection", "reflections", "open question"),
    ("advice", "advise", "fix", "fixing", "solve", "solution", "tell them what to do"),
    ("role", "limits", "boundaries", "allowed", "scope", "responsibilities"),
    ("sustaining", "sustain", "momentum", "motivation", "motivated", "recognition",
     "volunteer", "volunteers", "retain", "retention"),
)

_WORD = re.compile(r"<\d+|[a-z0-9]+(?:[-'’][a-z0-9]+)*")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9<])")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def stem(word: str) -> str:
    """A light English stemmer: enough to fold plurals and -ing/-ed/-y forms together."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            if any(v in base for v in "aeiouy"):
                word = base
            break
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def words(text: str) -> list[tuple[str, int, int]]:
    """(lower-cased word, start, end) for each word in `text`."""
    lowered = text.lower()
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(lowered)]


def terms(text: str) -> list[str]:
    """Stemmed, stop-word-free terms of `text`, in order."""
    return [stem(w) for w, _, _ in words(text) if w.replace("’", "'") not in STOP_WORDS]


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text (links, emphasis, quote and list markers removed)."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^\s*(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)", "", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class Snippet:
    """The best-matching sentence; `highlights` are (start, end) spans of matched words."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


@dataclass(frozen=True)
class SearchResult:
    item_id: str
    kind: str  # "guide" or "scenario"
    title: str
    score: float
    snippet: Snippet
    section: str  # heading the snippet sits under ("" = introduction)


@dataclass(frozen=True)
class _Sentence:
    text: str
    section: str
    terms: frozenset[str]


@dataclass(frozen=True)
class _Doc:
    item: Item
    tf: dict[str, float]  # field-weighted term frequency
    length: float
    sentences: tuple[_Sentence, ...]


def _phrase_groups() -> list[tuple[tuple[str, ...], int]]:
    """(stemmed phrase, group index) for every multi-word or single-word synonym."""
    found = []
    for index, group in enumerate(SYNONYM_GROUPS):
        for entry in group:
            stemmed = tuple(stem(w) for w, _, _ in words(entry))
            if stemmed:
                found.append((stemmed, index))
    return found


@cache
def _synonym_table() -> tuple[tuple[tuple[tuple[str, ...], int], ...], tuple[frozenset[str], ...]]:
    phrases = tuple(_phrase_groups())
    singles = tuple(
        frozenset(p[0] for p, g in phrases if g == index and len(p) == 1)
        for index in range(len(SYNONYM_GROUPS))
    )
    return phrases, singles


def expand_query(query: str) -> dict[str, float]:
    """Query term → weight, with synonyms of typed words and of known phrases added."""
    phrases, singles = _synonym_table()
    raw = [stem(w) for w, _, _ in words(query)]  # stop words kept: "can't go on"
    weights: dict[str, float] = {}

    def add(term: str, weight: float) -> None:
        weights[term] = max(weights.get(term, 0.0), weight)

    for term in terms(query):
        add(term, 1.0)
    for phrase, group in phrases:
        size = len(phrase)
        hit = any(tuple(raw[i:i + size]) == phrase for i in range(len(raw) - size + 1))
        if not hit:
            continue
        if size > 1 or phrase[0] in weights:
            for member in singles[group]:
                add(member, PHRASE_WEIGHT if size > 1 else SYNONYM_WEIGHT)
            if size > 1:
                for part in phrase:
                    if part not in STOP_WORDS and part in weights:
                        weights[part] = min(weights[part], SYNONYM_WEIGHT)
    return weights


def _sentences(item: Item) -> tuple[_Sentence, ...]:
    out = [_Sentence(item.summary, "", frozenset(terms(item.summary)))]
    section = ""
    for block in re.split(r"\n\s*\n", item.body):
        block = block.strip()
        if not block:
            continue
        heading = re.match(r"^#{1,6}\s+(.+)$", block.splitlines()[0])
        if heading:
            section = heading.group(1).strip()
            block = "\n".join(block.splitlines()[1:])
        for line in plain_text(block).splitlines():
            for sentence in _SENTENCE.split(line.strip()):
                sentence = sentence.strip()
                if len(sentence) > 3:
                    out.append(_Sentence(sentence, section, frozenset(terms(sentence))))
    return tuple(out)


class SearchIndex:
    """Built once per library (about 0.1 s); a query takes a few milliseconds."""

    def __init__(self, library: Library) -> None:
        self.library = library
        docs = []
        for item in library.items:
            fields = {
                "title": item.title,
                "tags": " ".join(t.replace("-", " ") for t in item.tags),
                "summary": item.summary,
                "headings": " ".join(h.text for h in item.headings),
                "body": plain_text(item.body),
            }
            tf: dict[str, float] = {}
            length = 0.0
            for name, text in fields.items():
                weight = FIELD_WEIGHTS[name]
                field_terms = terms(text)
                length += weight * len(field_terms)
                for term in field_terms:
                    tf[term] = tf.get(term, 0.0) + weight
            docs.append(_Doc(item, tf, length, _sentences(item)))
        self._docs = tuple(docs)
        self._avg_length = sum(d.length for d in docs) / max(len(docs), 1)
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.tf.keys())
        total = len(docs)
        self._idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in df.items()}

    def search(self, query: str, limit: int = 20,
               min_relative: float = MIN_RELATIVE_SCORE) -> list[SearchResult]:
        """Best first; results scoring under `min_relative` × the best score are dropped."""
        weights = expand_query(query)
        if not weights:
            return []
        scored: list[tuple[float, _Doc]] = []
        for doc in self._docs:
            score = 0.0
            norm = K1 * (1 - B + B * doc.length / self._avg_length)
            for term, weight in weights.items():
                tf = doc.tf.get(term)
                if tf:
                    score += weight * self._idf[term] * tf * (K1 + 1) / (tf + norm)
            if score > 0:
                if doc.item.kind != GUIDE:
                    score *= SCENARIO_FACTOR
                scored.append((score, doc))
        scored.sort(key=lambda pair: (-pair[0], pair[1].item.title))
        if scored:
            floor = scored[0][0] * min_relative
            scored = [pair for pair in scored if pair[0] >= floor]
        return [self._result(doc, score, weights) for score, doc in scored[:limit]]

    def _result(self, doc: _Doc, score: float, weights: dict[str, float]) -> SearchResult:
        best = max(
            doc.sentences,
            key=lambda s: (sum(weights[t] * self._idf.get(t, 0.0)
                               for t in s.terms if t in weights), min(len(s.text), 160)),
        )
        return SearchResult(doc.item.id, doc.item.kind, doc.item.title, round(score, 4),
                            make_snippet(best.text, weights), best.section)


def make_snippet(sentence: str, weights: dict[str, float]) -> Snippet:
    """Shorten `sentence` around its first hit and mark every word whose term is in `weights`."""
    spans = [(start, end) for word, start, end in words(sentence)
             if word not in STOP_WORDS and stem(word) in weights]
    text = sentence
    if len(text) > SNIPPET_CHARS:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - 60, len(text) - SNIPPET_CHARS))
        start = text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(text), start + SNIPPET_CHARS)
        cut = text.rfind(" ", start, end) if end < len(text) else end
        end = cut if cut > start else end
        prefix = "…" if start else ""
        suffix = "…" if end < len(text) else ""
        text = prefix + text[start:end] + suffix
        shift = len(prefix) - start
        spans = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return Snippet(text, tuple(spans))


@cache
def _index_for(library: Library) -> SearchIndex:
    return SearchIndex(library)


def search_index(library: Library) -> SearchIndex:
    """The (cached) index of a loaded library."""
    return _index_for(library)
