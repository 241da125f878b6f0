"""Results-page benchmark: gunicorn (2 workers) on loopback with the dev corpus loaded.

Measures the results page's server time (p50/p99 latency seen on loopback, where network time
is negligible) and requests per second, with Debian's ``wrk`` when installed, else a bounded
Python loader. Bounded: BENCH_SECONDS (default 10) of load, at most BENCH_MAX_REQUESTS for the
Python loader. Uses a throwaway SQLite database under a temporary folder unless
BENCH_DATABASE_URL is set. Prints one JSON line with the figures.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
# Typical owner searches (dev firms' wording); the loader cycles through them.
QUERIES = [
    {"sector": "이차전지 양극재 제조", "sido": "경상북도", "sigungu": "구미시"},
    {"sector": "한식 음식점", "location": "서울 관악구"},
    {"sector": "자동차 부품 금형", "location": "경남 창원시"},
    {"sector": "소프트웨어 개발", "sido": "경기도", "sigungu": "성남시"},
    {"sector": "수산물 가공", "location": "경북 포항시"},
    {"sector": "화장품 제조 수출", "sido": "충청북도"},
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key",
        ALLOWED_HOSTS="127.0.0.1",
        GRANTMATCH_VAR_DIR=str(var_dir),
        MODEL_DIR=str(var_dir / "models"),
        # The benchmark is one client hammering the page; the limiter would only measure 429s.
        MATCH_RATE_LIMIT_PER_MINUTE=str(10**9),
        LOG_LEVEL="WARNING",
    )
    env.pop("DATABASE_URL", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    env.pop("CACHE_URL", None)
    return env


def load_corpus() -> int:
    """Runs inside Django (``python -m bench.web_bench load``): the dev corpus as published programs,
    through the project's own ``load_samples`` (its default files), so the page is measured on what
    ``make evaluate`` scores."""
    import django

    django.setup()
    from django.core.management import call_command

    from matcher.models import Program

    call_command("load_samples")
    return Program.objects.published().count()


def _wait_until_up(url: str, *, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url} within {seconds:.0f} s")


def _wrk(base: str, paths: list[str], *, seconds: int, workdir: Path) -> dict:
    script = workdir / "paths.lua"
    lua_paths = ", ".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{lua_paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        ["wrk", "-t2", "-c2", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s", str(script), base],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout

    def _ms(label: str) -> float:
        found = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "tool": "wrk -t2 -c2 (one connection per worker: latency without queueing)",
        "requests": requests,
        "errors": int(non2xx.group(1)) if non2xx else 0,
        "p50_ms": _ms("50%"),
        "p99_ms": _ms("99%"),
        "rps": rps,
    }


def _python_loader(base: str, paths: list[str], *, seconds: int, max_requests: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.time() + seconds

    def worker(offset: int) -> None:
        nonlocal errors
        i = offset
        while time.time() < deadline:
            with lock:
                if len(latencies) + errors >= max_requests:
                    return
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base + paths[i % len(paths)], timeout=10) as response:
                    response.read()
                    ok = response.status == 200
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors += 1
            i += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies) or [float("nan")]
    return {
        "tool": "python urllib, 4 threads",
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": statistics.median(ordered),
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "rps": len(latencies) / wall if wall else 0.0,
    }


def main(argv: list[str] | None = None) -> dict:
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    max_requests = int(os.environ.get("BENCH_MAX_REQUESTS", "5000"))
    workdir = Path(tempfile.mkdtemp(prefix="gm-web-bench-"))
    env = _env(workdir)
    python = sys.executable
    server = None
    try:
        subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        loaded = subprocess.run(
            [python, "-m", "bench.web_bench", "load"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        programs = int(loaded.stdout.strip().splitlines()[-1])
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "web.wsgi:application",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        paths = ["/results/?" + urlencode(q) for q in QUERIES]
        _wait_until_up(base + "/")
        # Warm-up, not measured: the first search may fit the matcher's model; then both workers
        # load it and their caches (gazetteer, KSIC names, templates).
        warm_started = time.perf_counter()
        urllib.request.urlopen(base + paths[0], timeout=600).read()
        first_search_s = time.perf_counter() - warm_started
        # Two at a time, so the second worker cannot dodge the warm-up and load its model while measured.
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda path: urllib.request.urlopen(base + path, timeout=600).read(), paths * 4))
        if shutil.which("wrk"):
            figures = _wrk(base, paths, seconds=seconds, workdir=workdir)
        else:
            figures = _python_loader(base, paths, seconds=seconds, max_requests=max_requests)
        result = {
            "bench": "web_results_page",
            "programs": programs,
            "workers": 2,
            "seconds": seconds,
            "first_search_s": round(first_search_s, 2),
            **figures,
        }
        print(json.dumps(result, ensure_ascii=False), flush=True)
        return result
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["load"]:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
        print(load_corpus())
    else:
        main()
