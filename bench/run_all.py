"""`make bench`: run every bench module's main() in turn (bench/*_bench.py)."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> int:
    failures = 0
    here = Path(__file__).resolve().parent
    for module in sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench")):
        print(f"== bench.{module}", flush=True)
        try:
            importlib.import_module(f"bench.{module}").main([])
        except Exception as exc:  # one broken bench must not hide the others' figures
            failures += 1
            print(f"bench.{module} failed: {exc!r}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
