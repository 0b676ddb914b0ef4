"""Moderation core: labels, surfaces, policies compiled into per-surface verdicts (pure)."""
