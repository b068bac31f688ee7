"""The printable training record: titles, dates, percentages, page numbers, no answers."""

from __future__ import annotations

import io
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.errors import PeerDeskError
from peerdesk.guides import load_library, summarise
from peerdesk.reports.training_record import (
    TrainingRecord,
    build_training_record,
    write_training_record,
)


def _record(guides: int, scenarios: int) -> TrainingRecord:
    library = load_library()
    done = {g.id: datetime(2026, 11, 1 + i, tzinfo=UTC)
            for i, g in enumerate(library.guides[:guides])}
    done.update({s.id: datetime(2026, 11, 20, tzinfo=UTC) for s in library.scenarios[:scenarios]})
    return TrainingRecord(summarise(library, done), date(2026, 11, 21))


def _text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_record_lists_completed_titles_dates_and_pages(tmp_path: Path) -> None:
    record = _record(guides=18, scenarios=12)
    target = tmp_path / "record.pdf"
    write_training_record(target, record)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text, pages = _text(target.read_bytes())
    assert pages >= 2
    flat = " ".join(text.split())
    for item in record.summary.completed:
        assert " ".join(item.title.split()) in flat
    assert "2026-11-01" in text
    assert "2026-11-20" in text
    assert "Trainee path: 100% completed (12 of 12 guides)" in flat
    assert "Practice scenarios: 100% completed" in flat
    assert "Generated on 2026-11-21" in flat
    assert "Name:" in text
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text
    assert "not legal, medical or clinical advice" in flat


def test_empty_record_still_prints() -> None:
    text, pages = _text(build_training_record(_record(0, 0)))
    assert pages == 1
    assert "No guides completed yet." in text
    assert "Page 1 of 1" in text


def test_record_has_no_scenario_answer_text() -> None:
    pdf = build_training_record(_record(2, 2))
    # Only titles and dates go in; nothing about the answers (the record type has no field).
    assert "answer" not in TrainingRecord.__dataclass_fields__
    text, _ = _text(pdf)
    assert "Why it works" not in text


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PeerDeskError, match="does not exist"):
        write_training_record(tmp_path / "missing" / "record.pdf", _record(1, 0))


def test_spanish_record_has_spanish_wording_titles_and_tracks(tmp_path: Path) -> None:
    record = _record(guides=18, scenarios=12)  # titles taken from the English library
    target = tmp_path / "registro.pdf"
    write_training_record(target, record, language="es")
    text, pages = _text(target.read_bytes())
    flat = " ".join(text.split())
    spanish = load_library(language="es")
    for item in record.summary.completed:
        title = spanish.get(item.item_id).title
        assert title != item.title, item.item_id  # every shipped guide has a Spanish title
        assert " ".join(title.split()) in flat
    for phrase in ("Registro de formación", "Nombre:", "Guías completadas",
                   "Casos prácticos completados", "Completado el",
                   "Itinerario de formación: 100 % completado (12 de 12 guías)",
                   "Casos prácticos: 100 % completado (12 de 12 casos prácticos)",
                   "Referencia para personas de apoyo", "Generado el 2026-11-21 con PeerDesk",
                   "Esto no es asesoramiento jurídico, médico ni clínico."):
        assert phrase in flat, phrase
    for page in range(1, pages + 1):
        assert f"Página {page} de {pages}" in text
    for english in ("Training record", "Guides completed", "Trainee path", "Page 1 of"):
        assert english not in flat, english
    assert "2026-11-01" in text  # dates stay ISO in every language


def test_empty_spanish_record() -> None:
    text, pages = _text(build_training_record(_record(0, 0), language="es"))
    assert pages == 1
    assert "Aún no se ha completado ninguna guía." in text
    assert "Aún no se ha completado ningún caso práctico." in text
