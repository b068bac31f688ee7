"""Headline cards: every figure is the protected text; first and follow-up share a card."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.program.aggregate import Headline
from peerdesk.program.disclosure import protect_headlines
from peerdesk.ui.program.dashboard import Dashboard, card_groups

HEADLINES = (
    Headline("contacts", "Contacts", 3057),
    Headline("first_contacts", "First contacts", 1665),
    Headline("follow_up_contacts", "Follow-up contacts", 1392),
    Headline("risk_escalations", "Contacts with a safety concern", 3),
    Headline("referral_rate", "Contacts with a referral", 1586, 3057),
)


def test_cards_show_protected_text(qtbot: QtBot) -> None:
    shown = protect_headlines(HEADLINES, 5)
    groups = card_groups(shown)
    assert [tuple(h.key for h in g) for g in groups] == [
        ("contacts",), ("first_contacts", "follow_up_contacts"), ("risk_escalations",),
        ("referral_rate",)]
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_headlines(shown)
    assert dashboard.cards["contacts"].value.text() == "3,057"
    assert dashboard.cards["first_contacts"].value.text() == "1,665 / 1,392"
    assert dashboard.cards["first_contacts"].caption.text() == (
        "First contacts / follow-up contacts")
    assert dashboard.cards["risk_escalations"].value.text() == "<5"
    assert dashboard.cards["referral_rate"].value.text() == "52%"
    assert dashboard.cards["referral_rate"].detail.text() == "1,586 of 3,057"
    dashboard.set_headlines([])
    assert dashboard.cards == {}
