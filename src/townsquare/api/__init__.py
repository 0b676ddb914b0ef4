"""HTTP API (FastAPI): parse -> service -> schema."""
