"""Signed pledge links: ``/pledge/<token>`` names one recipient of one campaign, and only
the holder of the key file can mint a token that verifies (HMAC-SHA256, truncated to 128
bits, with a key derived for this purpose alone)."""

from __future__ import annotations

import base64
import hashlib
import hmac

from townsquare.keys import SecretKey

_LABEL = "townsquare/pledge-link"


def _mac(key: SecretKey, campaign_id: int, position: int) -> str:
    digest = hmac.new(key.derive(_LABEL), f"{campaign_id}.{position}".encode(),
                      hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def pledge_token(key: SecretKey, campaign_id: int, position: int) -> str:
    """The token of recipient ``position`` in campaign ``campaign_id``."""
    return f"{campaign_id}.{position}.{_mac(key, campaign_id, position)}"


def read_token(key: SecretKey, token: str) -> tuple[int, int] | None:
    """(campaign_id, position) of a genuine token; None for a malformed or forged one."""
    parts = token.split(".")
    if len(parts) != 3 or not all(parts) or not (parts[0].isdigit() and parts[1].isdigit()):
        return None
    if len(parts[0]) > 12 or len(parts[1]) > 12:
        return None
    campaign_id, position = int(parts[0]), int(parts[1])
    if not hmac.compare_digest(parts[2], _mac(key, campaign_id, position)):
        return None
    return campaign_id, position


def pledge_url(base_url: str, key: SecretKey, campaign_id: int, position: int) -> str:
    return f"{base_url.rstrip('/')}/pledge/{pledge_token(key, campaign_id, position)}"
