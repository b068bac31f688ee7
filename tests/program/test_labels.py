"""Codes, months and supporter ids into words, in English and Spanish."""

from __future__ import annotations

import locale

import pytest

from peerdesk.program.figures import SupporterInfo
from peerdesk.program.labels import Labeller, label_report
from peerdesk.program.report import prepare_report
from tests.program.fakes import SECRET, Contact, FakeFigures


def test_months_in_both_languages_whatever_the_system_locale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locale, "setlocale", lambda *args: "de_DE.UTF-8")
    assert Labeller("en").month("2026-10") == "Oct 2026"
    assert Labeller("es").month("2026-01") == "ene 2026"
    assert Labeller("en").period("2025-06", "2026-12") == "Jun 2025 – Dec 2026"
    assert Labeller("es").period(None, None) == "Sin datos"


def test_month_axis_labels_are_distinct_for_any_range() -> None:
    labeller = Labeller("en")
    assert labeller.month_axis(["2026-01", "2026-02"]) == ["Jan", "Feb"]
    months = [f"{2025 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}" for m in range(6, 25)]
    labels = labeller.month_axis(months)
    assert len(labels) == len(set(labels)) == 19
    assert labels[0] == "Jun 2025"
    assert labels[-1] == "Dec 2026"


def test_codes_and_supporters() -> None:
    people = [SupporterInfo("x", None, None, "", 1, None),
              SupporterInfo("y", "Contacts", None, "", 1, None)]
    es = Labeller("es", people)
    assert es.code("channel", "phone") == "Teléfono"
    assert es.code("next_step", "") == "No registrado"
    assert es.supporter("x") == "Persona de apoyo 1"
    assert es.supporter("y") == "Contacts"   # an alias is never translated


def test_a_labelled_report_keeps_every_figure() -> None:
    program = FakeFigures()
    program.add(*[Contact("a", "2026-01", f"p{n}", channel="phone") for n in range(12)])
    report = prepare_report(program, k=5, secret=SECRET)
    for language in ("en", "es"):
        labelled = label_report(report, language)
        for ours, theirs in zip(labelled.tables, report.tables, strict=True):
            assert ours.cells == theirs.cells
            assert ours.grand_total == theirs.grand_total
            assert ours.row_codes == theirs.rows
        assert [h.text for h in labelled.headlines] == [h.text for h in report.headlines]
    assert label_report(report, "es").table("contacts_by_month").rows == ("ene 2026",)
