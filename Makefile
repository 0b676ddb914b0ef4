# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install debian-deps run demo test test-sqlite test-postgres bench lint typecheck clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || [ -x .tools/bin/uv ] || \
		(python3 -m venv .tools && .tools/bin/pip install -q uv)
	$(UV) sync --locked --quiet
	@touch $@

# Debian packages the suite needs (Tesseract for screenshots, PostgreSQL, fonts).
debian-deps:
	@scripts/debian-deps.sh

run: install
	$(VENV)/bin/townsquare demo

demo: run

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
