"""Loaded by pytest before Django is configured (``-p tests.environment`` in pyproject.toml).

Test-only defaults for settings that are required in production.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
