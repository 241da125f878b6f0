"""Every benchmark, one after another: ``make bench`` runs ``python -m bench.run_all``.

Each entry is a module with a ``main()``; add new benchmarks to ``BENCHES``.
"""

from __future__ import annotations

import importlib
import os

import django

BENCHES = ["bench.region_prefix", "bench.matcher_bench", "bench.web_bench"]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    django.setup()
    for name in BENCHES:
        print(f"== {name}")
        importlib.import_module(name).main([])


if __name__ == "__main__":
    main()
