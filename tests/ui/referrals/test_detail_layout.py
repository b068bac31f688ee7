"""The entry detail pane wraps its text to its own width (large fonts, longer languages)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from peerdesk.referrals.model import Resource
from peerdesk.ui.referrals.detail import ResourceDetail


def test_long_text_at_a_large_font_wraps_inside_a_narrow_pane(qtbot: QtBot) -> None:
    detail = ResourceDetail()
    qtbot.addWidget(detail)
    font = QFont(detail.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    detail.setFont(font)
    resource = Resource(
        id="legal", name="Asesoría jurídica laboral para personas trabajadoras",
        type="legal_advice",
        offers="Asesoramiento sobre derechos laborales, la legislación sobre discriminación y "
               "acoso, los plazos para reclamar y los acuerdos de salida.",
        needs_local_details=True)
    detail.show_resource(resource, 0, dt.date(2026, 11, 22), 12)
    detail.resize(360, 600)
    detail.show()
    body = detail.widget()
    qtbot.waitUntil(lambda: body.width() <= detail.viewport().width())
    assert detail.name.width() <= detail.viewport().width()
    assert detail.offers.height() >= 3 * detail.offers.fontMetrics().lineSpacing()  # wrapped
