"""Policy files: the packaged default, YAML and TOML files, and errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from townsquare.moderation.model import ModerationError
from townsquare.policy_files import (
    PolicyFileError,
    load_policy,
    load_policy_from_settings,
    read_policy,
)
from townsquare.settings import load_settings

YAML_POLICY = """\
version: 4
name: strict
labels:
  spam:
    subjects: [post]
    rules:
      - id: spam.everywhere
        surfaces: all
        actions: [drop]
"""

TOML_POLICY = """\
version = 5
name = "strict-toml"

[labels.spam]
subjects = ["post"]

[[labels.spam.rules]]
id = "spam.search"
surfaces = ["search_top", "search_latest"]
actions = ["drop"]
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_the_packaged_default_policy_loads() -> None:
    compiled = load_policy()

    assert compiled.policy.name == "default"
    assert {"do_not_amplify", "search_blacklist", "sensitive_media", "private_information",
            "suspended", "removed"} <= set(compiled.labels)
    assert compiled.policy.viewer_flags == ("sensitive_media_opt_in",)


def test_yaml_and_toml_files_load(tmp_path: Path) -> None:
    from_yaml = load_policy(write(tmp_path, "strict.yml", YAML_POLICY))
    from_toml = load_policy(write(tmp_path, "strict.toml", TOML_POLICY))

    assert (from_yaml.policy.version, from_yaml.policy.name) == (4, "strict")
    assert (from_toml.policy.version, from_toml.policy.name) == (5, "strict-toml")
    assert [r.id for r in from_toml.policy.rules] == ["spam.search"]


def test_settings_name_the_policy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "strict.yaml", YAML_POLICY)
    monkeypatch.setenv("TOWNSQUARE_POLICY_FILE", str(path))

    settings = load_settings(data_dir=tmp_path)

    assert settings.policy_file == path
    assert load_policy_from_settings(settings).policy.name == "strict"
    monkeypatch.delenv("TOWNSQUARE_POLICY_FILE")
    assert load_policy_from_settings(load_settings(data_dir=tmp_path)).policy.name == "default"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("p.yaml", "version: 1\nlabels:\n  spam: [drop\n  ham: 1\n", r"invalid YAML at line 4"),
        ("p.yaml", YAML_POLICY + "  spam:\n    rules: []\n", r"line 10.*duplicate key 'spam'"),
        ("p.toml", "version = 1\nlabels = = 2\n", r"invalid TOML: .*line 2"),
        ("p.yaml", YAML_POLICY.replace("[drop]", "[vanish]"),
         r"labels\.spam\.rules\[0\]\.actions: unknown action 'vanish'"),
        ("p.yaml", YAML_POLICY.replace("surfaces: all", "surfaces: [front_page]"),
         r"unknown surface 'front_page'"),
        ("p.toml", "name = 'x'\n", r"policy\.version: expected a positive integer"),
        ("p.yaml", "", r"expected a mapping at the top level"),
        ("p.json", "{}", r"unknown policy file type '\.json'"),
        ("p.yaml", b"version: 1\nname: \xff\n", r"not UTF-8 text \(invalid byte 0xff"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(
    tmp_path: Path, name: str, text: str | bytes, message: str
) -> None:
    path = write(tmp_path, name, text)

    with pytest.raises(PolicyFileError, match=message) as caught:
        read_policy(path)

    assert str(caught.value).startswith(f"{path}: ")
    assert isinstance(caught.value, ModerationError)


def test_missing_files_and_directories_are_named(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError, match="does not exist"):
        load_policy(tmp_path / "absent.yaml")
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(PolicyFileError, match="is a directory"):
        load_policy(tmp_path / "dir.yaml")
