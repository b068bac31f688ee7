"""Headline cards: every figure is the protected text; first and follow-up share a card."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.program.labels import LabelledHeadline as H
from peerdesk.ui.program.dashboard import Dashboard, card_groups

HEADLINES = (
    H("contacts", "Contacts", "3055"),
    H("first_contacts", "First contacts", "1665"),
    H("follow_up_contacts", "Follow-up contacts", "1390"),
    H("risk_escalations", "Contacts with a safety concern", "<5"),
    H("referral_rate", "Contacts with a referral", "52%", "1585 of 3055"),
)


def protect_headlines(headlines: tuple[H, ...], k: int) -> tuple[H, ...]:
    return headlines  # already the shown text, as `label_report` gives it


def test_cards_show_protected_text(qtbot: QtBot) -> None:
    shown = protect_headlines(HEADLINES, 5)
    groups = card_groups(shown)
    assert [tuple(h.key for h in g) for g in groups] == [
        ("contacts",), ("first_contacts", "follow_up_contacts"), ("risk_escalations",),
        ("referral_rate",)]
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_headlines(shown)
    assert dashboard.cards["contacts"].value.text() == "3,055"
    assert dashboard.cards["first_contacts"].value.text() == "1,665 / 1,390"
    assert dashboard.cards["first_contacts"].caption.text() == (
        "First contacts / follow-up contacts")
    assert dashboard.cards["risk_escalations"].value.text() == "<5"
    assert dashboard.cards["referral_rate"].value.text() == "52%"
    assert dashboard.cards["referral_rate"].detail.text() == "1,585 of 3,055"
    dashboard.set_headlines([])
    assert dashboard.cards == {}


def _text_width(label: object) -> int:
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel
    assert isinstance(label, QLabel)
    return QFontMetrics(label.font()).horizontalAdvance(label.text())


def test_a_wide_figure_shrinks_to_fit_a_narrow_card_and_grows_back(qtbot: QtBot) -> None:
    """At 140 % system font the first/follow-up pair used to be cut off."""
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_headlines(protect_headlines(HEADLINES, 5))
    figure = dashboard.cards["first_contacts"].value
    caption = dashboard.cards["contacts"].caption
    largest = caption.font().pointSizeF() * 2.0
    dashboard.resize(1400, 400)
    dashboard.show()
    qtbot.waitUntil(lambda: abs(figure.font().pointSizeF() - largest) < 0.1)

    dashboard.resize(700, 400)  # still four cards a row (fewer below 636 px), each narrow
    qtbot.waitUntil(lambda: figure.font().pointSizeF() < largest - 0.1
                    and _text_width(figure) <= figure.contentsRect().width())
    assert figure.font().pointSizeF() >= caption.font().pointSizeF() * 1.2

    dashboard.resize(1400, 400)
    qtbot.waitUntil(lambda: abs(figure.font().pointSizeF() - largest) < 0.1)


def test_cards_grow_for_captions_that_need_more_lines(qtbot: QtBot) -> None:
    long_caption = ("Personas que valoran o presentan una denuncia formal ante la "
                    "organización o un organismo externo")
    headlines = (*HEADLINES, H("formal_reports", long_caption, "57%", "550 of 970"))
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_headlines(protect_headlines(headlines, 5))
    dashboard.resize(640, 600)
    dashboard.show()
    card = dashboard.cards["formal_reports"]
    short = dashboard.cards["contacts"]
    qtbot.waitUntil(lambda: card.caption.height() >= card.caption.heightForWidth(
        card.caption.width()) > 0)
    assert card.detail.geometry().bottom() <= card.contentsRect().bottom()
    assert short.height() >= short.minimumHeight()
