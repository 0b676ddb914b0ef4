"""The audit log: hash-chained events."""

from __future__ import annotations
