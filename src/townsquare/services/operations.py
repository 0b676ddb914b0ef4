"""Imports every module that registers a two-person operation, so that an approval can
apply any of them whatever the process imported before (API worker or CLI)."""

from __future__ import annotations

import townsquare.services.external_requests
import townsquare.services.lockdown
import townsquare.services.policy_changes
import townsquare.services.reinstatement
import townsquare.services.sensitive_actions  # noqa: F401
