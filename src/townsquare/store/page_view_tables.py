"""Console page views: who saw which fingerprinted page, when."""

from __future__ import annotations
