"""The shared test base: named users, the real-services switch and a real Celery worker.

Named users, used across the suite:
- ``owner``: an SME owner with an account but no staff role;
- ``editor``: support-agency staff who may change and publish programs;
- ``viewer``: staff who may only look;
- ``outsider``: a signed-in user with no relation to the agency.

Tests marked ``services`` need the real PostgreSQL, Redis and a Celery worker.
When those are not configured they are skipped with the reason shown, except
when ``GRANTMATCH_REQUIRE_SERVICES=1`` (CI), where they fail instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from web.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_SERVICES = os.environ.get("GRANTMATCH_REQUIRE_SERVICES") == "1"


def _missing_services() -> list[str]:
    missing = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        missing.append("DATABASE_URL is not a PostgreSQL server")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        missing.append("CELERY_BROKER_URL is not a Redis server")
    else:
        import redis

        try:
            redis.Redis.from_url(broker, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            missing.append(f"Redis at {broker} does not answer: {exc}")
    return missing


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not any(item.get_closest_marker("services") for item in items):
        return
    missing = _missing_services()
    if not missing:
        return
    reason = "real services missing: " + "; ".join(missing)
    for item in items:
        if item.get_closest_marker("services"):
            if REQUIRE_SERVICES:
                item.add_marker(pytest.mark.usefixtures("_fail_missing_services"))
            else:
                item.add_marker(
                    pytest.mark.skip(reason=reason + " (set GRANTMATCH_REQUIRE_SERVICES=1 to fail)")
                )


@pytest.fixture
def _fail_missing_services() -> None:
    pytest.fail("real services missing: " + "; ".join(_missing_services()))


@pytest.fixture(autouse=True)
def _tasks_run_inline(request: pytest.FixtureRequest) -> Iterator[None]:
    """Background work runs in-process, except in tests that exercise the real worker."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = not request.node.get_closest_marker("services")
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _isolated_var_dir(tmp_path: Path, settings) -> None:
    """Each test writes models and mail into its own folder."""
    settings.MODEL_DIR = tmp_path / "models"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")


def _make_user(username: str, *, staff: bool = False, role: str | None = None):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.kr", password="correct-horse-battery"
    )
    if staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if role:
        from matcher.services.accounts import grant_role

        grant_role(user=user, role=role)
    return user


@pytest.fixture
def owner(db):
    return _make_user("owner")


@pytest.fixture
def editor(db):
    return _make_user("editor", staff=True, role="editor")


@pytest.fixture
def viewer(db):
    return _make_user("viewer", staff=True, role="viewer")


@pytest.fixture
def outsider(db):
    return _make_user("outsider")


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker) -> Iterator[subprocess.Popen]:
    """A real ``celery worker`` process on the Redis broker, using the test database."""
    missing = _missing_services()
    if missing:
        pytest.fail("real services missing: " + "; ".join(missing))
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    env = dict(
        os.environ,
        DATABASE_URL=url,
        CELERY_TASK_ALWAYS_EAGER="0",
        MODEL_DIR=str(ROOT / "var" / "test-models"),
    )
    log = (ROOT / "var").joinpath("test-worker.log")
    log.parent.mkdir(exist_ok=True)
    handle = log.open("w")
    # A queue of its own so a stray worker from another run never takes our tasks.
    queue = f"test-{os.getpid()}"
    env["CELERY_TASK_DEFAULT_QUEUE"] = queue
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "web",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            # A node name of its own: the readiness ping below must hear this worker, not another one.
            "-n",
            f"{queue}@%h",
            "--without-mingle",
            "--without-gossip",
            "-l",
            "info",
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    deadline = time.time() + 60
    while time.time() < deadline:
        replies = celery_app.control.ping(timeout=1) or []
        if any(name.startswith(f"{queue}@") for reply in replies for name in reply):
            break
        if process.poll() is not None:
            pytest.fail(f"celery worker exited early; see {log}")
    else:
        process.terminate()
        pytest.fail(f"celery worker did not answer within 60 s; see {log}")
    yield process
    celery_app.conf.task_default_queue = previous_queue
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    handle.close()
