"""Guide Markdown → HTML that Qt's rich-text engine (QTextDocument) shows well.

Covers what the guides use: `##`/`###` headings (with anchors for the table of contents),
paragraphs, bullet, numbered and task lists, block quotes (each line its own paragraph, so a
dialogue keeps one line per speaker), bold, italics, code and links (`guide:` links included).
QTextDocument ignores most CSS borders, so quotes are drawn as a two-cell table with a coloured
bar. No Qt here: the UI decorates the result.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

QUOTE_BAR = "#7c9cc4"
QUOTE_BACKGROUND = "#f1f5fa"
TASK_BOX = "☐"

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^(\s*)(\d+)[.)]\s+(.*)$")
_TASK = re.compile(r"^\[([ xX])\]\s+(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    level: int
    text: str


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: tuple[TocEntry, ...]


def inline(text: str) -> str:
    """Inline Markdown → HTML (text is escaped first)."""
    placeholders: list[str] = []

    def keep(fragment: str) -> str:
        placeholders.append(fragment)
        return f"\x00{len(placeholders) - 1}\x00"

    text = _CODE.sub(lambda m: keep(f"<code>{html.escape(m.group(1))}</code>"), text)
    text = _LINK.sub(lambda m: keep(
        f'<a href="{html.escape(m.group(2), quote=True)}">{inline(m.group(1))}</a>'), text)
    text = html.escape(text, quote=False)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(r"<i>\1</i>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: placeholders[int(m.group(1))], text)


def heading_text(text: str) -> str:
    """Plain text of a heading (as the table of contents shows it)."""
    return re.sub(r"[*_`]", "", _LINK.sub(r"\1", text)).strip()


def _quote(lines: list[str]) -> str:
    paragraphs = [inline(line) for line in lines if line.strip()]
    inner = "".join(f'<p class="quote">{p}</p>' for p in paragraphs)
    return (f'<table class="quote" width="100%" cellspacing="0" cellpadding="0">'
            f'<tr><td width="4" bgcolor="{QUOTE_BAR}"></td>'
            f'<td bgcolor="{QUOTE_BACKGROUND}" style="padding: 8px 14px;">{inner}</td></tr>'
            f"</table>")


def _list(items: list[tuple[str, str]]) -> str:
    """items: (kind, text) with kind "ul", "ol" or "task"; one kind per list."""
    kind = items[0][0]
    if kind == "task":
        rows = "".join(f'<p class="task">{TASK_BOX}&nbsp;&nbsp;{inline(text)}</p>'
                       for _, text in items)
        return f'<div class="tasks">{rows}</div>'
    tag = "ol" if kind == "ol" else "ul"
    rows = "".join(f"<li>{inline(text)}</li>" for _, text in items)
    return f"<{tag}>{rows}</{tag}>"


def markdown_to_html(markdown: str, *, anchor_prefix: str = "sec") -> Rendered:
    lines = markdown.splitlines()
    out: list[str] = []
    toc: list[TocEntry] = []
    paragraph: list[str] = []
    quote: list[str] = []
    items: list[tuple[str, str]] = []

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{inline(' '.join(s.strip() for s in paragraph))}</p>")
            paragraph.clear()
        if quote:
            out.append(_quote(quote))
            quote.clear()
        if items:
            out.append(_list(items))
            items.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            anchor = f"{anchor_prefix}-{len(toc) + 1}"
            text = heading.group(2)
            toc.append(TocEntry(anchor, level, heading_text(text)))
            out.append(f'<h{level}><a name="{anchor}"></a>{inline(text)}</h{level}>')
            continue
        if stripped.startswith(">"):
            if not quote:
                flush()
            quote.append(stripped[1:].strip())
            continue
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet or number:
            if paragraph or quote:
                flush()
            if bullet:
                text = bullet.group(2)
                task = _TASK.match(text)
                kind, text = ("task", task.group(2)) if task else ("ul", text)
            else:
                assert number is not None
                kind, text = "ol", number.group(3)
            if items and items[0][0] != kind:
                flush()
            items.append((kind, text))
            continue
        if items and line.startswith((" ", "\t")):
            kind, text = items[-1]
            items[-1] = (kind, f"{text} {stripped}")
            continue
        if quote or items:
            flush()
        paragraph.append(stripped)
    flush()
    return Rendered("\n".join(out), tuple(toc))
