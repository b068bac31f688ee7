"""The referral directory inside the journal: the only module with SQL for it.

Import rules (by entry id):
- not in the directory → *new*;
- in the directory with the same content → *unchanged*;
- in the directory, not edited here → *updated* to the pack's version;
- edited here (or the supporter's own entry) and the pack brings something different from
  what was last accepted → a *conflict*: the local entry stays unless the caller resolves it
  with "take" (the pack's version replaces it) — "keep" records the choice so the same pack
  does not ask again; an unresolved conflict is reported and asked about again next time.
Every import runs in one transaction: all of it is applied or none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from peerdesk.referrals.model import (
    OWN_ORIGIN,
    Resource,
    ResourceError,
    ResourceNotFound,
    content_hash,
    new_resource_id,
    same_content,
    validated,
)
from peerdesk.referrals.packs import ResourcePack
from peerdesk.translation import msg
from peerdesk.vault import Vault

Connection = Any  # sqlcipher3.Connection

_COLUMNS = (
    "id, name, type, offers, when_to_refer, phone, email, web, place, hours, languages, "
    "region, confidential, last_verified, needs_local_details, origin, edited_locally"
)


class Resolution(Enum):
    KEEP = "keep"   # keep the local entry; don't ask again for this pack content
    TAKE = "take"   # replace the local entry with the pack's


@dataclass(frozen=True)
class Conflict:
    local: Resource
    incoming: Resource


@dataclass(frozen=True)
class ImportResult:
    pack_name: str
    new: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()       # includes conflicts resolved with "take"
    unchanged: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()  # every conflict found, decided or not
    taken: tuple[str, ...] = ()         # conflicts decided "take the pack's"
    kept: tuple[str, ...] = ()          # conflicts decided "keep mine"
    applied: bool = True                # False for plan_import (nothing written)

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        decided = set(self.taken) | set(self.kept)
        return tuple(c for c in self.conflicts if c.local.id not in decided)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row_to_resource(row: Sequence[Any]) -> Resource:
    return Resource(
        id=row[0], name=row[1], type=row[2], offers=row[3], when_to_refer=row[4], phone=row[5],
        email=row[6], web=row[7], place=row[8], hours=row[9],
        languages=tuple(json.loads(row[10])), region=row[11], confidential=bool(row[12]),
        last_verified=dt.date.fromisoformat(row[13]) if row[13] else None,
        needs_local_details=bool(row[14]), origin=row[15], edited_locally=bool(row[16]),
    )


def _values(resource: Resource) -> tuple[Any, ...]:
    return (
        resource.name, resource.type, resource.offers, resource.when_to_refer, resource.phone,
        resource.email, resource.web, resource.place, resource.hours,
        json.dumps(list(resource.languages), ensure_ascii=False), resource.region,
        int(resource.confidential),
        resource.last_verified.isoformat() if resource.last_verified else None,
        int(resource.needs_local_details), resource.origin, int(resource.edited_locally),
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class ResourceRepository:
    """The directory of one open journal.

    `connection` lets a worker thread use its own `vault.connect_another()` connection; the
    caller closes it. Without it, the vault's (GUI-thread) connection is used.
    """

    def __init__(self, vault: Vault, connection: Connection | None = None) -> None:
        self._vault = vault
        self._own_connection = connection

    # -- plumbing -------------------------------------------------------------------------------

    @property
    def _conn(self) -> Connection:
        return self._own_connection if self._own_connection is not None else self._vault.connection

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        return self._vault.transaction(self._own_connection)

    # -- reading --------------------------------------------------------------------------------

    def all(self) -> list[Resource]:
        return self.search()

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM referral_resource").fetchone()[0])

    def get(self, resource_id: str) -> Resource:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM referral_resource WHERE id = ?", (resource_id,)
        ).fetchone()
        if row is None:
            raise ResourceNotFound(resource_id)
        return _row_to_resource(row)

    def get_many(self, ids: Collection[str]) -> dict[str, Resource]:
        """The entries among `ids` that exist, by id (missing ids are simply absent)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Resource] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT {_COLUMNS} FROM referral_resource WHERE id IN ({marks})", chunk
            ):
                resource = _row_to_resource(row)
                found[resource.id] = resource
        return found

    def search(self, text: str = "", type: str | None = None, region: str | None = None,
               language: str | None = None) -> list[Resource]:
        """Entries matching every word of `text` (name, offers, when to refer, region) and the
        given type, region and language (case-insensitive); sorted by name."""
        clauses: list[str] = []
        params: list[Any] = []
        if type:
            clauses.append("type = ?")
            params.append(type)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM referral_resource {where}", params
        ).fetchall()
        resources = [_row_to_resource(row) for row in rows]
        # Region, language and text are compared with Unicode case folding, which SQLite's
        # lower()/LIKE don't do; a directory holds hundreds of entries at most.
        if region:
            wanted_region = _fold(region)
            resources = [r for r in resources if _fold(r.region) == wanted_region]
        if language:
            wanted_language = _fold(language)
            resources = [r for r in resources
                         if any(_fold(v) == wanted_language for v in r.languages)]
        words = _fold(text).split()
        if words:
            def haystack(r: Resource) -> str:
                return _fold(" ".join((r.name, r.offers, r.when_to_refer, r.region)))
            resources = [r for r in resources if all(w in haystack(r) for w in words)]
        resources.sort(key=lambda r: (_fold(r.name), r.id))
        return resources

    def regions(self) -> list[str]:
        """Distinct non-empty regions/sites, for filters (first spelling of each kept)."""
        return self._distinct(r.region for r in self.all())

    def languages(self) -> list[str]:
        return self._distinct(v for r in self.all() for v in r.languages)

    @staticmethod
    def _distinct(values: Iterable[str]) -> list[str]:
        seen: dict[str, str] = {}
        for value in values:
            if value and _fold(value) not in seen:
                seen[_fold(value)] = value
        return sorted(seen.values(), key=_fold)

    def usage_counts(self) -> dict[str, int]:
        """How many sessions of this journal used each entry (entries never used are absent)."""
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'session_referral'"
        ).fetchone()
        if exists is None:  # the journal schema predates sessions
            return {}
        rows = self._conn.execute(
            "SELECT resource_id, count(DISTINCT session_id) FROM session_referral "
            "GROUP BY resource_id"
        ).fetchall()
        return {str(resource_id): int(count) for resource_id, count in rows}

    # -- writing --------------------------------------------------------------------------------

    def add(self, resource: Resource) -> Resource:
        """Save a new own entry (an empty id gets a fresh random one); return the saved copy."""
        clean = validated(replace(resource, id=resource.id or new_resource_id(),
                                  origin=OWN_ORIGIN, edited_locally=False))
        now = _now()
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM referral_resource WHERE id = ?",
                            (clean.id,)).fetchone():
                raise ResourceError(msg(
                    "The directory already has an entry with id {id}. Edit that entry instead.",
                    id=repr(clean.id),
                ))
            self._insert(conn, clean, pack_hash=None, now=now)
        return clean

    def update(self, resource: Resource) -> Resource:
        """Save changes to an existing entry. A pack entry becomes `edited_locally`."""
        current = self.get(resource.id)
        changed = not same_content(current, validated(resource))
        clean = validated(replace(
            resource, origin=current.origin,
            edited_locally=current.edited_locally or (changed and not current.is_own),
        ))
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE referral_resource SET name = ?, type = ?, offers = ?, when_to_refer = ?, "
                "phone = ?, email = ?, web = ?, place = ?, hours = ?, languages = ?, region = ?, "
                "confidential = ?, last_verified = ?, needs_local_details = ?, origin = ?, "
                "edited_locally = ?, updated_at = ? WHERE id = ?",
                (*_values(clean), _now(), clean.id),
            )
            if cursor.rowcount != 1:
                raise ResourceNotFound(clean.id)
        return clean

    def delete(self, resource_id: str) -> None:
        with self._transaction() as conn:
            cursor = conn.execute("DELETE FROM referral_resource WHERE id = ?", (resource_id,))
            if cursor.rowcount != 1:
                raise ResourceNotFound(resource_id)

    @staticmethod
    def _insert(conn: Connection, resource: Resource, pack_hash: str | None, now: str) -> None:
        conn.execute(
            f"INSERT INTO referral_resource ({_COLUMNS}, pack_hash, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (resource.id, *_values(resource), pack_hash, now, now),
        )

    # -- packs ----------------------------------------------------------------------------------

    def import_pack(
        self,
        pack: ResourcePack,
        resolutions: Mapping[str, Resolution] | None = None,
        *,
        default: Resolution | None = None,
    ) -> ImportResult:
        """Bring `pack` into the directory in one transaction (see the module docstring).

        `resolutions` decides conflicts by entry id; `default` applies to conflicts not in it
        (None: keep the local entry and leave the conflict open, to be asked again).
        """
        with self._transaction() as conn:
            return self._apply(conn, pack, resolutions or {}, default, write=True)

    def plan_import(self, pack: ResourcePack) -> ImportResult:
        """What `import_pack` would find (new, updated, unchanged, conflicts); writes nothing."""
        return self._apply(self._conn, pack, {}, None, write=False)

    def _apply(self, conn: Connection, pack: ResourcePack,
               resolutions: Mapping[str, Resolution], default: Resolution | None,
               *, write: bool) -> ImportResult:
        new: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        conflicts: list[Conflict] = []
        taken: list[str] = []
        kept: list[str] = []
        now = _now()
        for incoming in pack.resources:
            incoming = replace(incoming, origin=pack.name, edited_locally=False)
            incoming_hash = content_hash(incoming)
            row = conn.execute(
                f"SELECT {_COLUMNS}, pack_hash FROM referral_resource WHERE id = ?",
                (incoming.id,),
            ).fetchone()
            if row is None:
                new.append(incoming.id)
                if write:
                    self._insert(conn, incoming, incoming_hash, now)
                continue
            local = _row_to_resource(row[:-1])
            accepted_hash = row[-1]
            if same_content(local, incoming):
                unchanged.append(incoming.id)
                if write and (local.edited_locally or accepted_hash != incoming_hash):
                    self._set_pack_state(conn, incoming.id, incoming_hash, edited=False, now=now)
                continue
            if not (local.edited_locally or local.is_own):
                updated.append(incoming.id)
                if write:
                    self._overwrite(conn, incoming, incoming_hash, now)
                continue
            if accepted_hash == incoming_hash:
                # The supporter already decided about exactly this pack content: keep theirs.
                unchanged.append(incoming.id)
                continue
            conflicts.append(Conflict(local=local, incoming=incoming))
            choice = resolutions.get(incoming.id, default)
            if choice is Resolution.TAKE:
                taken.append(incoming.id)
                updated.append(incoming.id)
                if write:
                    self._overwrite(conn, incoming, incoming_hash, now)
            elif choice is Resolution.KEEP:
                kept.append(incoming.id)
                if write:
                    self._set_pack_state(conn, incoming.id, incoming_hash, edited=True, now=now)
        return ImportResult(pack.name, tuple(new), tuple(updated), tuple(unchanged),
                            tuple(conflicts), tuple(taken), tuple(kept), applied=write)

    @staticmethod
    def _overwrite(conn: Connection, incoming: Resource, pack_hash: str, now: str) -> None:
        conn.execute(
            "UPDATE referral_resource SET name = ?, type = ?, offers = ?, when_to_refer = ?, "
            "phone = ?, email = ?, web = ?, place = ?, hours = ?, languages = ?, region = ?, "
            "confidential = ?, last_verified = ?, needs_local_details = ?, origin = ?, "
            "edited_locally = ?, pack_hash = ?, updated_at = ? WHERE id = ?",
            (*_values(incoming), pack_hash, now, incoming.id),
        )

    @staticmethod
    def _set_pack_state(conn: Connection, resource_id: str, pack_hash: str, *, edited: bool,
                        now: str) -> None:
        conn.execute(
            "UPDATE referral_resource SET pack_hash = ?, edited_locally = ?, updated_at = ? "
            "WHERE id = ?",
            (pack_hash, int(edited), now, resource_id),
        )

