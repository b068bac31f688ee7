"""The protected report the PDF and CSV tests write: three supporters over two months, with
a small crisis-line count that must never be printed."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from peerdesk.program.report import ProgramFilter, ProtectedReport, prepare_report
from tests.program.fakes import SECRET, Contact, FakeFigures, random_program


def _program() -> FakeFigures:
    program = random_program(random.Random(4), [("s1", None), ("s2", None), ("s3", None)],
                             ["2026-10", "2026-11"], per_month=(15, 30))
    program.contacts = [replace(c, referral_types=()) if "crisis_line" in c.referral_types
                        else c for c in program.contacts]
    program.info["s1"] = replace(program.info["s1"], alias="Tiny")
    program.info["s2"] = replace(program.info["s2"], alias="Mid")
    # two crisis-line referrals: a small count that must never be printed
    program.add(Contact("s1", "2026-10", "s1-x", referral_types=("crisis_line",)),
                Contact("s1", "2026-10", "s1-y", referral_types=("crisis_line",)))
    return program


@pytest.fixture
def report() -> ProtectedReport:
    return prepare_report(_program(), ProgramFilter(), k=5, secret=SECRET,
                          program_name="Northside <Peer> Program",
                          generated_on=dt.date(2026, 12, 1))
