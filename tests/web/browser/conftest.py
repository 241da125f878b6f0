"""Real headless Chromium (Debian's package) driven by Playwright's sync API.

Without chromium the browser tests skip with the reason; with GRANTMATCH_REQUIRE_BROWSER=1 (CI)
they fail instead. Screenshots go to SCREENSHOT_DIR (default test-artifacts/screenshots).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous, so Django's async guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("GRANTMATCH_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing_browser() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"chromium not found at {CHROMIUM} (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright python package is not installed"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = _missing_browser()
    if not missing:
        return
    for item in items:
        if item.get_closest_marker("browser") and not REQUIRE_BROWSER:
            item.add_marker(pytest.mark.skip(reason=f"{missing} (set GRANTMATCH_REQUIRE_BROWSER=1 to fail)"))


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    path = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "test-artifacts" / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator:
    missing = _missing_browser()
    if missing:
        pytest.fail(f"browser required but missing: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open_page(browser, **context_options) -> Iterator:
    context = browser.new_context(locale="ko-KR", **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def desktop(browser) -> Iterator:
    yield from _open_page(browser, viewport=DESKTOP)


@pytest.fixture
def phone(browser) -> Iterator:
    yield from _open_page(browser, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)


@pytest.fixture
def no_js(browser) -> Iterator:
    yield from _open_page(browser, viewport=DESKTOP, java_script_enabled=False)


@pytest.fixture
def page(browser) -> Iterator:
    """A page with no viewport preference, for flows that take no screenshots per width."""
    yield from _open_page(browser)
