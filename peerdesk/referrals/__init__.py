"""The referral directory and resource packs: where a supporter can send someone."""

from peerdesk.referrals.model import (
    OWN_ORIGIN,
    Resource,
    ResourceError,
    ResourceNotFound,
    content_hash,
    new_resource_id,
)
from peerdesk.referrals.packs import (
    PackError,
    ResourcePack,
    pack_bytes,
    read_pack,
    read_starter_pack,
    starter_pack_path,
    write_pack,
)
from peerdesk.referrals.repository import Conflict, ImportResult, Resolution, ResourceRepository

__all__ = [
    "OWN_ORIGIN",
    "Conflict",
    "ImportResult",
    "PackError",
    "Resolution",
    "Resource",
    "ResourceError",
    "ResourceNotFound",
    "ResourcePack",
    "ResourceRepository",
    "content_hash",
    "new_resource_id",
    "pack_bytes",
    "read_pack",
    "read_starter_pack",
    "starter_pack_path",
    "write_pack",
]
