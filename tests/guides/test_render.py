"""Guide Markdown → HTML for Qt's rich text."""

from __future__ import annotations

from peerdesk.guides import load_library
from peerdesk.guides.render import TASK_BOX, heading_text, inline, markdown_to_html


def test_dialogue_quote_keeps_one_paragraph_per_line() -> None:
    rendered = markdown_to_html("> **Colleague:** Hi.\n> **Supporter:** Hello.\n\nAfter.")
    assert rendered.html.count('<p class="quote">') == 2
    assert "<b>Colleague:</b> Hi." in rendered.html
    assert rendered.html.endswith("<p>After.</p>")


def test_headings_get_anchors_and_contents() -> None:
    rendered = markdown_to_html("## One\n\ntext\n\n### Two *b*\n\nmore")
    assert [(e.anchor, e.level, e.text) for e in rendered.toc] == [
        ("sec-1", 2, "One"), ("sec-2", 3, "Two b")]
    assert '<h2><a name="sec-1"></a>One</h2>' in rendered.html


def test_lists_tasks_and_paragraph_joining() -> None:
    html = markdown_to_html("Line one\nline two\n\n- a\n- b\n\n1. x\n2. y\n\n- [ ] do it").html
    assert "<p>Line one line two</p>" in html
    assert "<ul><li>a</li><li>b</li></ul>" in html
    assert "<ol><li>x</li><li>y</li></ol>" in html
    assert f"{TASK_BOX}&nbsp;&nbsp;do it" in html


def test_inline_escapes_and_links() -> None:
    assert inline("a < b & **c**") == "a &lt; b &amp; <b>c</b>"
    assert inline("see [Risk](guide:responding-to-risk)") == (
        'see <a href="guide:responding-to-risk">Risk</a>')
    assert inline("`<5`") == "<code>&lt;5</code>"
    assert inline("self_harm and *this*") == "self_harm and <i>this</i>"
    assert heading_text('Why "<5" and **blank** cells') == 'Why "<5" and blank cells'


def test_every_guide_renders_without_leftover_markdown() -> None:
    for item in load_library().items:
        html = markdown_to_html(item.body).html
        assert "**" not in html, item.id
        assert "](" not in html, item.id
        assert "\n>" not in html, item.id
