"""Search finds the right guide for the questions supporters and trainees actually ask."""

from __future__ import annotations

import pytest

from peerdesk.guides import load_library, search_index
from peerdesk.guides.search import expand_query, make_snippet, plain_text, stem, terms

INDEX = search_index(load_library())

QUESTIONS = [
    ("what do I say if someone mentions suicide", "responding-to-risk"),
    ("manager is the bully", "power-dynamics"),
    ("how to start a conversation", "opening-and-closing"),
    ("I know the person they are complaining about", "conflicts-of-interest"),
    ("how do I refer someone to the EAP", "making-a-referral"),
    ("what should I write in my notes", "recording-sessions"),
    ("I saw a colleague being bullied", "supporting-bystanders"),
    ("what does <5 mean in the report", "reading-the-program-report"),
    ("how to keep a record of incidents", "documenting-incidents"),
    ("should they make a formal complaint", "explaining-reporting-options"),
    # our own
    ("my boss shouts at me", "power-dynamics"),
    ("they said they can't go on", "responding-to-risk"),
    ("feeling drained after supporting people", "supporter-self-care"),
    ("ground rules for a group", "running-a-peer-group"),
    ("is one argument bullying", "what-is-workplace-bullying"),
    ("open questions and reflections", "active-listening-oars"),
    ("can I keep it secret", "confidentiality-and-limits"),
    ("how do I stop giving advice", "empathic-responses"),
    ("keeping volunteers motivated", "sustaining-the-program"),
    ("counselling", "making-a-referral"),
]


@pytest.mark.parametrize(("query", "expected"), QUESTIONS)
def test_right_guide_ranks_first(query: str, expected: str) -> None:
    results = INDEX.search(query)
    assert results, query
    assert results[0].item_id == expected, [r.item_id for r in results[:3]]
    assert results[0].kind == "guide"
    assert results[0].snippet.highlights


def test_scenarios_are_found_too() -> None:
    ids = [r.item_id for r in INDEX.search("I just can't go on like this")[:3]]
    assert "cant-go-on" in ids
    kinds = {r.kind for r in INDEX.search("witness")[:3]}
    assert kinds == {"guide", "scenario"}


def test_results_are_ranked_and_limited() -> None:
    results = INDEX.search("manager", limit=5)
    assert len(results) == 5
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)


def test_nothing_for_stop_words_or_nonsense() -> None:
    assert INDEX.search("the and of") == []
    assert INDEX.search("") == []
    assert INDEX.search("xylophone quasar") == []


def test_snippet_is_the_best_sentence_with_hits_marked() -> None:
    result = INDEX.search("what does <5 mean in the report")[0]
    marked = result.snippet.marked("[", "]")
    assert "[<5]" in marked
    assert "**" not in result.snippet.text
    assert "](" not in result.snippet.text
    top = INDEX.search("what do I say if someone mentions suicide")[0]
    assert "[suicide]" in top.snippet.marked("[", "]")


def test_snippet_section_points_into_the_guide() -> None:
    result = INDEX.search("ask directly using the word suicide")[0]
    assert result.item_id == "responding-to-risk"
    heading_texts = {h.text for h in load_library().get(result.item_id).headings} | {""}
    assert result.section in heading_texts


def test_long_sentences_are_shortened_around_the_hit() -> None:
    sentence = "word " * 100 + "suicide " + "word " * 100
    snippet = make_snippet(sentence.strip(), {"suicid": 1.0})
    assert len(snippet.text) <= 245
    assert snippet.text.startswith("…")
    assert snippet.text.endswith("…")
    assert snippet.marked("<", ">").count("<suicide>") == 1


def test_stemming_and_stop_words() -> None:
    assert stem("bullying") == stem("bullied") == stem("bully") == stem("bullies")
    assert stem("complaining") == stem("complain") == stem("complained")
    assert stem("referred") == stem("refer")
    assert stem("notes") == stem("note")
    assert terms("What should I write in my notes?") == [stem("write"), stem("notes")]


def test_synonyms_widen_the_query_at_lower_weight() -> None:
    weights = expand_query("boss")
    assert weights[stem("boss")] == 1.0
    assert 0 < weights[stem("manager")] < 1.0
    assert stem("suicide") in expand_query("they can't go on")
    assert stem("bystander") in expand_query("I saw it happen")


def test_plain_text_drops_markdown() -> None:
    text = plain_text("## Head\n> **Colleague:** see [Risk](guide:responding-to-risk).\n- [ ] Do")
    assert text == "Head\nColleague: see Risk.\nDo"
