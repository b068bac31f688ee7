"""The journal's figures per calendar month, counted in SQL: what summary v2 sends.

Only sessions whose peer agreed to be counted are counted. A month's figures are counts per
taxonomy code; people are distinct peer codes (compared as the journal compares them, without
regard to case), per month, calendar quarter and calendar year. Nothing here returns a value
of a single session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.vault import Vault

Connection = Any  # sqlcipher3 connection (untyped extension module)

FORMAL_NEXT_STEPS: Final = ("considering_formal_report", "will_report_formally")
NOT_RECORDED: Final = ""

# The same bands summaries have always used: minutes and group sizes never leave as numbers.
_DURATION_BAND_SQL: Final = (
    "CASE WHEN duration_minutes < 15 THEN 'under_15' WHEN duration_minutes < 30 THEN "
    "'15_to_29' WHEN duration_minutes < 45 THEN '30_to_44' WHEN duration_minutes < 60 THEN "
    "'45_to_59' ELSE '60_plus' END")
_GROUP_SIZE_BAND_SQL: Final = (
    "CASE WHEN kind = 'group' AND group_size >= 2 THEN CASE WHEN group_size < 5 THEN '2_to_4' "
    "WHEN group_size < 10 THEN '5_to_9' ELSE '10_plus' END END")

# field -> (SQL giving its code or NULL, whether NULL is allowed)
SINGLE_FIELD_SQL: Final[Mapping[str, tuple[str, bool]]] = {
    "kind": ("kind", False),
    "contact": ("contact", False),
    "channel": ("channel", False),
    "origin": ("origin", True),
    "persistence": ("persistence", True),
    "source_relation": ("source_relation", True),
    "next_step": ("next_step", True),
    "duration_band": (_DURATION_BAND_SQL, False),
    "group_size_band": (_GROUP_SIZE_BAND_SQL, True),
}
# field -> column holding its codes sorted and joined by single spaces
MULTI_FIELD_COLUMNS: Final[Mapping[str, str]] = {
    "behaviour": "behaviours",
    "impact": "impacts",
    "risk_flag": "risk_flags",
    "support_given": "support_given",
    "referral_type": "referral_types",
}


@dataclass(frozen=True)
class MonthCounts:
    month: str
    contacts: int
    follow_up_planned: int
    with_referral: int
    with_risk: int
    counts: Mapping[str, Mapping[str, int]]   # field -> code -> contacts; no zeros
    # single-valued fields whose codes do not add up to `contacts` (a code the taxonomy
    # does not know): export refuses such a month rather than send inconsistent figures
    unknown_code_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeopleCounts:
    period: str               # "YYYY-MM", "YYYY-Qn" or "YYYY"
    people: int
    people_repeat: int        # with two or more contacts in the period
    people_formal: int        # with a formal next step in the period


@dataclass(frozen=True)
class OutsideCounts:
    without_consent: int      # in the months, but the peer did not agree to be counted
    outside_months: int       # dated outside the months asked for


def _first_day(month: str) -> str:
    return f"{month}-01"


def _last_day(month: str) -> str:
    return f"{month}-31"  # dates are ISO text: every day of the month sorts before this


class MonthlyFiguresRepository:
    """Figures of the journal's consented sessions. Pass the open vault or a worker's own
    connection (from `vault.connect_another()`)."""

    def __init__(self, source: Vault | Connection, taxonomy: Taxonomy | None = None) -> None:
        self._conn = source.connection if isinstance(source, Vault) else source
        self._taxonomy = taxonomy or default_taxonomy()

    def months(self, first: str, last: str) -> dict[str, MonthCounts]:
        """Figures for every month from `first` to `last` ("YYYY-MM", inclusive) that holds a
        consented session; months without one are absent."""
        # Each session's codes are worked out once (bands, padded code lists) in the inner
        # query; the outer one only compares and adds up.
        inner = ["substr(date, 1, 7) AS month",
                 "follow_up_date IS NOT NULL AS planned",
                 "referral_types != '' OR instr(' ' || support_given || ' ', ' referral ') > 0 "
                 "AS referral",
                 "risk_flags != '' AS risk"]
        inner += [f"{expression} AS f_{field}"
                  for field, (expression, _) in SINGLE_FIELD_SQL.items()]
        inner += [f"' ' || {column} || ' ' AS f_{field}"
                  for field, column in MULTI_FIELD_COLUMNS.items()]
        columns = ["count(*)", "sum(planned)", "sum(referral)", "sum(risk)"]
        params: list[Any] = []
        keys: list[tuple[str, str]] = []
        for field, (_, nullable) in SINGLE_FIELD_SQL.items():
            for code in self._taxonomy.field(field).codes():
                columns.append(f"sum(f_{field} = ?)")
                params.append(code)
                keys.append((field, code))
            if nullable:
                columns.append(f"sum(f_{field} IS NULL)")
                keys.append((field, NOT_RECORDED))
        for field in MULTI_FIELD_COLUMNS:
            for code in self._taxonomy.field(field).codes():
                columns.append(f"sum(instr(f_{field}, ?) > 0)")
                params.append(f" {code} ")
                keys.append((field, code))
        sql = (f"SELECT month, {', '.join(columns)} FROM ("
               f"SELECT {', '.join(inner)} FROM session "
               "WHERE consent_to_count = 1 AND date >= ? AND date <= ?"
               ") GROUP BY month ORDER BY month")
        params += [_first_day(first), _last_day(last)]  # the inner query's, after the sums'
        result: dict[str, MonthCounts] = {}
        for row in self._conn.execute(sql, params):
            month, contacts, planned, referral, risk = row[:5]
            counts: dict[str, dict[str, int]] = {
                field: {} for field in (*SINGLE_FIELD_SQL, *MULTI_FIELD_COLUMNS)}
            for (field, code), value in zip(keys, row[5:], strict=True):
                if value:
                    counts[field][code] = int(value)
            unknown = tuple(field for field in SINGLE_FIELD_SQL
                            if sum(counts[field].values()) != contacts)
            result[str(month)] = MonthCounts(str(month), int(contacts), int(planned),
                                             int(referral), int(risk), counts, unknown)
        return result

    def people(self, first: str, last: str) -> dict[str, PeopleCounts]:
        """Distinct people (non-empty peer codes) per month, quarter and year that holds a
        consented session with a peer code, counting only sessions from `first` to `last`.
        One pass over the sessions: people per month, then merged per quarter and year."""
        formal = ", ".join("?" for _ in FORMAL_NEXT_STEPS)
        sql = (
            "WITH by_month AS MATERIALIZED ("
            "  SELECT substr(date, 1, 7) AS month, lower(trim(peer_code)) AS peer, "
            "  count(*) AS contacts, "
            f"  max(coalesce(next_step IN ({formal}), 0)) AS formal FROM session "
            "  WHERE consent_to_count = 1 AND trim(peer_code) != '' "
            "  AND date >= ? AND date <= ? GROUP BY month, peer), "
            "by_period AS ("
            "  SELECT month AS period, peer, contacts, formal FROM by_month "
            "  UNION ALL SELECT substr(month, 1, 4) || '-Q' || "
            "  ((CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3), peer, contacts, formal "
            "  FROM by_month "
            "  UNION ALL SELECT substr(month, 1, 4), peer, contacts, formal FROM by_month), "
            "per_person AS ("
            "  SELECT period, peer, sum(contacts) AS contacts, max(formal) AS formal "
            "  FROM by_period GROUP BY period, peer) "
            "SELECT period, count(*), coalesce(sum(contacts >= 2), 0), "
            "coalesce(sum(formal), 0) FROM per_person GROUP BY period ORDER BY period")
        return {str(period): PeopleCounts(str(period), int(people), int(repeat), int(formal_n))
                for period, people, repeat, formal_n in self._conn.execute(
                    sql, (*FORMAL_NEXT_STEPS, _first_day(first), _last_day(last)))}

    def outside(self, first: str, last: str) -> OutsideCounts:
        """Sessions no figure counts: without consent within the months, and outside them."""
        row = self._conn.execute(
            "SELECT coalesce(sum(date >= ? AND date <= ? AND consent_to_count = 0), 0), "
            "coalesce(sum(date < ? OR date > ?), 0) FROM session",
            (_first_day(first), _last_day(last), _first_day(first), _last_day(last)),
        ).fetchone()
        return OutsideCounts(int(row[0]), int(row[1]))
