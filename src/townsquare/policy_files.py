"""Reading a visibility policy file (YAML or TOML) into a compiled policy, with errors that
name the file, and the line for syntax errors.

The packaged default (``townsquare/moderation/policies/default.yaml``) is used unless
``TOWNSQUARE_POLICY_FILE`` (``Settings.policy_file``) names another file.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from townsquare.moderation.detection import DetectionRule, parse_detection_rules
from townsquare.moderation.model import ModerationError
from townsquare.moderation.policy import Policy, parse_policy
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.settings import Settings

DEFAULT_POLICY = "default.yaml"
MAX_POLICY_BYTES = 1 << 20
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


class PolicyFileError(ModerationError):
    """A policy file cannot be read, parsed or validated; the message starts with its path."""


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses duplicate keys (a second rule list would silently win)."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    what = f"{problem} ({context})" if context else str(problem)
    if mark is None:
        return f"invalid YAML: {what}"
    return f"invalid YAML at line {mark.line + 1}, column {mark.column + 1}: {what}"


# Every CLI command and worker parses the same few policy texts; a Policy is immutable.
@functools.lru_cache(maxsize=16)
def parse_policy_text(text: str, fmt: str, source: str = "policy") -> Policy:
    """A validated Policy from YAML or TOML text; errors start with ``source``."""
    try:
        if fmt == "yaml":
            data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
        elif fmt == "toml":
            data = tomllib.loads(text)
        else:
            raise PolicyFileError(f"{source}: unknown policy format {fmt!r} (yaml or toml)")
    except yaml.YAMLError as exc:
        raise PolicyFileError(f"{source}: {_yaml_message(exc)}") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message already ends with "(at line N, column M)".
        raise PolicyFileError(f"{source}: invalid TOML: {exc}") from None
    try:
        return parse_policy(data)
    except ModerationError as exc:
        raise PolicyFileError(f"{source}: {exc}") from None


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PolicyFileError(f"{path}: policy file does not exist") from None
    except IsADirectoryError:
        raise PolicyFileError(f"{path}: is a directory, not a policy file") from None
    except OSError as exc:
        raise PolicyFileError(f"{path}: cannot read policy file: {exc.strerror or exc}") from None
    if len(data) > MAX_POLICY_BYTES:
        raise PolicyFileError(f"{path}: policy file is larger than {MAX_POLICY_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyFileError(
            f"{path}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def read_policy(path: Path) -> Policy:
    """The validated Policy in a .yaml/.yml/.toml file."""
    return parse_policy_text(*policy_source(path))


def default_policy() -> Policy:
    """The policy that ships with the package."""
    return parse_policy_text(*policy_source(None))


def policy_source(path: Path | None) -> tuple[str, str, str]:
    """The text, format and display name of a policy file (None: the packaged default)."""
    if path is None:
        resource = resources.files("townsquare.moderation").joinpath("policies", DEFAULT_POLICY)
        return resource.read_text(encoding="utf-8"), "yaml", f"<packaged {DEFAULT_POLICY}>"
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise PolicyFileError(
            f"{path}: unknown policy file type {path.suffix or '(none)'!r}; "
            f"use {', '.join(FORMATS)}"
        )
    return _read_text(path), fmt, str(path)


def load_policy(path: Path | None = None) -> CompiledPolicy:
    """The compiled policy of ``path``, or of the packaged default when ``path`` is None."""
    return CompiledPolicy(default_policy() if path is None else read_policy(path))


def load_policy_from_settings(settings: Settings) -> CompiledPolicy:
    """The compiled policy the settings name (``TOWNSQUARE_POLICY_FILE``), else the default."""
    return load_policy(settings.policy_file)


def default_detection_rules(compiled: CompiledPolicy) -> tuple[DetectionRule, ...]:
    """The packaged detection rules, checked against ``compiled``'s labels."""
    text = resources.files("townsquare.moderation.policies").joinpath("detection.yaml")
    data: Any = yaml.safe_load(text.read_text("utf-8"))
    return parse_detection_rules(data, compiled.policy)
