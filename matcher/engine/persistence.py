"""Writing and reading a fitted matcher index: format version, library versions, atomic write.

File layout: a pickle of ``{"header": {...}, "index": MatcherIndex}`` where the header holds
``format_version`` and the versions of Python, scikit-learn, NumPy, SciPy and kiwipiepy the
model was fitted with. The file is written to a temporary file in the same folder and moved
into place with ``os.replace``, so a reader never sees half a file.

Plain Python, no Django.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

# 2: the index keeps which programs are information-only notices.
# 3: the similarity model keeps the words too common to be features (``common_terms_``).
# 4: the index keeps which programs are one notice posted again (``repost_group``).
FORMAT_VERSION = 4
MAGIC = "grantmatch-matcher"


class ModelLoadError(RuntimeError):
    """The model file cannot be used: missing, corrupt, or written in another format version."""


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for dist in ("scikit-learn", "numpy", "scipy", "kiwipiepy"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "missing"
    return versions


def save_index(index: Any, path: Path, *, extra: dict | None = None) -> str:
    """Write ``index`` atomically to ``path``; returns the file's SHA-256."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = {
        "magic": MAGIC,
        "format_version": FORMAT_VERSION,
        "libraries": library_versions(),
        **(extra or {}),
    }
    payload = pickle.dumps({"header": header, "index": index}, protocol=pickle.HIGHEST_PROTOCOL)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return hashlib.sha256(payload).hexdigest()


def read_header(path: Path) -> dict:
    return _load(Path(path))["header"]


def load_index(path: Path, *, expected_sha256: str | None = None) -> tuple[Any, dict]:
    """(index, header); raises ``ModelLoadError`` with a clear message when the file cannot be used."""
    data = _load(Path(path), expected_sha256=expected_sha256)
    return data["index"], data["header"]


def _load(path: Path, *, expected_sha256: str | None = None) -> dict:
    try:
        payload = path.read_bytes()
    except OSError as exc:
        raise ModelLoadError(f"matcher model {path} cannot be read: {exc}") from exc
    if expected_sha256 and hashlib.sha256(payload).hexdigest() != expected_sha256:
        raise ModelLoadError(
            f"matcher model {path} does not match its recorded SHA-256 (corrupt or replaced)"
        )
    try:
        data = pickle.loads(payload)
    except Exception as exc:  # unpickling a damaged file raises many kinds of errors
        raise ModelLoadError(f"matcher model {path} is corrupt: {type(exc).__name__}: {exc}") from exc
    if not isinstance(data, dict) or data.get("header", {}).get("magic") != MAGIC:
        raise ModelLoadError(f"matcher model {path} is not a grantmatch matcher model")
    found = data["header"].get("format_version")
    if found != FORMAT_VERSION:
        raise ModelLoadError(
            f"matcher model {path} has format version {found}, "
            f"this code reads version {FORMAT_VERSION}; refit it"
        )
    return data
