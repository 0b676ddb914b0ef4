"""townsquare: a trust-and-safety back office (moderation and leak tracing)."""

__version__ = "0.1.0"
