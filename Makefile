# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
export UV_COMPILE_BYTECODE := 1
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install debian-deps run demo-leak test test-sqlite test-postgres bench lint typecheck clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || [ -x .tools/bin/uv ] || \
		(python3 -m venv .tools && .tools/bin/pip install -q uv)
	$(UV) sync --locked --quiet
	@touch $@

# Debian packages the suite needs (Tesseract for screenshots, PostgreSQL, fonts).
debian-deps:
	@scripts/debian-deps.sh

# The server on 127.0.0.1:8000 (API, OpenAPI at /docs, demo platform at /demo), SQLite.
run: install
	$(VENV)/bin/townsquare serve --seed-demo --host 127.0.0.1 --port 8000

# The self-contained leak-tracing demonstration (issue copies, leak one, trace it).
demo-leak: install
	$(VENV)/bin/townsquare demo

test: install debian-deps
	scripts/with-postgres.sh $(PY) -m pytest -n 2 -q

test-sqlite: install
	$(PY) -m pytest -q

bench: install debian-deps
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache var
