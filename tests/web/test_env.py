"""Settings read from the environment: a value that does not parse stops the process, never falls back."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from web.env import ImproperlyConfiguredEnv, database_from_url, env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("Yes", True), (" on ", True), ("0", False), ("off", False), ("", False)],
)
def test_booleans_read_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("GM_FLAG", raw)
    assert env_bool("GM_FLAG", not expected) is expected


def test_unset_values_take_their_default(monkeypatch):
    for name in ("GM_FLAG", "GM_NUMBER", "GM_TEXT", "GM_LIST"):
        monkeypatch.delenv(name, raising=False)
    assert env_bool("GM_FLAG", True) is True
    assert env_int("GM_NUMBER", 7, minimum=1) == 7
    assert env_str("GM_TEXT", "fallback") == "fallback"
    assert env_list("GM_LIST", ["a"]) == ["a"]


def test_values_that_do_not_parse_fail_loudly_and_name_the_variable(monkeypatch):
    monkeypatch.setenv("GM_FLAG", "maybe")
    with pytest.raises(ImproperlyConfiguredEnv, match="GM_FLAG='maybe' is not a boolean"):
        env_bool("GM_FLAG", False)
    monkeypatch.setenv("GM_NUMBER", "10s")
    with pytest.raises(ImproperlyConfiguredEnv, match="GM_NUMBER='10s' is not an integer"):
        env_int("GM_NUMBER", 5)
    monkeypatch.setenv("GM_NUMBER", "0")
    with pytest.raises(ImproperlyConfiguredEnv, match="GM_NUMBER=0 must be at least 1"):
        env_int("GM_NUMBER", 5, minimum=1)
    monkeypatch.setenv("GM_TEXT", "")
    with pytest.raises(ImproperlyConfiguredEnv, match="GM_TEXT must be set"):
        env_str("GM_TEXT", required=True)


def test_lists_are_comma_separated_without_blanks(monkeypatch):
    monkeypatch.setenv("GM_LIST", " grantmatch.example, ,127.0.0.1 ")
    assert env_list("GM_LIST", []) == ["grantmatch.example", "127.0.0.1"]


def test_database_urls_become_django_entries(tmp_path):
    postgres = database_from_url(
        "postgres://app:p%40ss@db.internal:6432/grants?sslmode=require", base_dir=tmp_path
    )
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert (postgres["NAME"], postgres["USER"], postgres["PASSWORD"]) == ("grants", "app", "p@ss")
    assert (postgres["HOST"], postgres["PORT"]) == ("db.internal", "6432")
    assert postgres["OPTIONS"] == {"sslmode": "require"}
    relative = database_from_url("sqlite:///var/site.sqlite3", base_dir=tmp_path)
    assert relative["NAME"] == str(tmp_path / "var" / "site.sqlite3")
    absolute = database_from_url("sqlite:////srv/site.sqlite3", base_dir=tmp_path)
    assert absolute["NAME"] == "/srv/site.sqlite3"
    with pytest.raises(ImproperlyConfiguredEnv, match="names no database"):
        database_from_url("postgres://app@db.internal:5432/", base_dir=tmp_path)
    with pytest.raises(ImproperlyConfiguredEnv, match="'mysql' is not supported"):
        database_from_url("mysql://app@db.internal/grants", base_dir=tmp_path)


def _start(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Load the settings in a fresh interpreter, as a server process does at start-up."""
    base = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "-c", "import web.settings"],
        cwd=ROOT,
        env={**base, "GRANTMATCH_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_server_does_not_start_on_a_bad_setting(tmp_path):
    assert _start(tmp_path, DEBUG="1").returncode == 0
    typo = _start(tmp_path, DEBUG="1", MATCH_RATE_LIMIT_PER_MINUTE="sixty")
    assert typo.returncode != 0
    assert "MATCH_RATE_LIMIT_PER_MINUTE='sixty' is not an integer" in typo.stderr
    no_key = _start(tmp_path, DEBUG="0")
    assert no_key.returncode != 0 and "SECRET_KEY must be set when DEBUG is off" in no_key.stderr
