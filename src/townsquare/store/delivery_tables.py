"""Email deliveries of memo copies, pledge campaigns and acknowledgements."""

from __future__ import annotations
