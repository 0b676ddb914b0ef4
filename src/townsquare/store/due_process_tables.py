"""Appeals, reinstatement requests, council members, proposals and votes."""

from __future__ import annotations
