"""Root conftest: test-only settings must be in place before Django configures itself."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("DEBUG", "0")
