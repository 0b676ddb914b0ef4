"""Policy versions, civic events, external requests."""

from __future__ import annotations
