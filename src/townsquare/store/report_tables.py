"""Reports, queues, routing rules, muted reporters."""

from __future__ import annotations
