"""Announcement files → ``SourceRecord`` list: encoding, format detection and parsing (no Django).

Formats (``Announcement.Format`` values):

- ``text`` / ``html``: one article per file; HTML becomes text with scripts and styles dropped.
- ``bizinfo_json``: 기업마당 API ``{"jsonArray": [...]}``; one record per item, source_id = pblancId.
- ``bizinfo_csv``: 기업마당 CSV export (UTF-8 with BOM); source_id = ``id`` (the pblancId).
- ``kstartup_csv``: 창업지원사업 통합공고 table; rows whose ``no`` starts with ◇ are category headers
  carried to the rows below as ``fields["category"]``; source_id = ``kstartup{year}:{row_index}``
  where row_index counts every data row (headers too) from 0. A row without a number continues the
  row above it (a cell that wrapped in the source PDF) and is merged into it.
- ``fulltext_jsonl``: one full notice per line; source_id = the pblancId (``bizinfo_`` prefix
  stripped) so it merges with the same Bizinfo record.

File-level problems (empty, binary, too large, not an announcement format) raise ``FormatError``.
Record-level problems (malformed JSON, a bad JSONL line or CSV row) come back as records with
``error`` set and ``raw`` kept, so the rest of the file still goes in.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any

from matcher.engine.analysis import rejoin_wrapped_words
from matcher.engine.records import SourceRecord
from matcher.engine.text import html_to_text, looks_like_html, normalize_text

TEXT = "text"
HTML = "html"
BIZINFO_JSON = "bizinfo_json"
BIZINFO_CSV = "bizinfo_csv"
KSTARTUP_CSV = "kstartup_csv"
FULLTEXT_JSONL = "fulltext_jsonl"
FORMATS = (TEXT, HTML, BIZINFO_JSON, BIZINFO_CSV, KSTARTUP_CSV, FULLTEXT_JSONL)

# Columns that identify each CSV export (a subset must be present in the header).
_BIZINFO_CSV_COLUMNS = {"id", "title", "author", "description"}
_KSTARTUP_CSV_COLUMNS = {"year", "no", "title", "summary", "ministry"}
# HTML-valued fields turned into plain text before anyone sees them.
_HTML_FIELDS = {"bsnsSumryCn", "description"}


class FormatError(ValueError):
    """The file as a whole cannot be ingested (nothing from it goes in)."""


@dataclass
class ParsedFile:
    format: str
    records: list[SourceRecord]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)  # e.g. the file was converted from CP949


# --- bytes → text ---------------------------------------------------------------


def decode_bytes(content: bytes) -> tuple[str, str]:
    """Text of ``content`` and the encoding used; UTF-8 (with or without BOM), UTF-16 or CP949/EUC-KR."""
    if not content or not content.strip():
        raise FormatError("empty file")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise FormatError(f"undecodable UTF-16 text: {exc}") from exc
    if b"\x00" in content[:65536]:
        raise FormatError("binary file (contains NUL bytes), not a text announcement")
    try:
        return content.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # CP949 is a superset of EUC-KR, the usual encoding of older Korean exports.
        text = content.decode("cp949")
    except UnicodeDecodeError as exc:
        raise FormatError(f"undecodable file: neither UTF-8 nor CP949/EUC-KR ({exc.reason})") from exc
    # CP949 accepts many byte soups; real Korean text is mostly Hangul, ASCII and punctuation.
    control = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\r\n\t")
    if control > max(5, len(text[:20000]) // 100):
        raise FormatError("binary file (control bytes), not a text announcement")
    return text, "cp949"


# --- detection ------------------------------------------------------------------


def _csv_header(text: str) -> list[str]:
    first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
    return [column.strip() for column in first]


def detect_format(name: str, text: str) -> str:
    """The ``Announcement.Format`` value of a decoded file; raises ``FormatError`` for non-announcements."""
    suffix = PurePath(name).suffix.lower()
    stripped = text.lstrip("\ufeff \t\r\n")
    if suffix == ".jsonl" or (stripped.startswith("{") and _is_jsonl(stripped)):
        return FULLTEXT_JSONL
    if suffix == ".json" or stripped.startswith(("{", "[")):
        return BIZINFO_JSON
    if suffix in {".csv", ".tsv"} or (suffix not in {".txt", ".html", ".htm"} and _looks_like_csv(stripped)):
        header = set(_csv_header(stripped))
        if header >= _KSTARTUP_CSV_COLUMNS:
            return KSTARTUP_CSV
        if header >= _BIZINFO_CSV_COLUMNS:
            return BIZINFO_CSV
        shown = ", ".join(sorted(header)[:8])
        raise FormatError(f"not an announcement format: CSV columns ({shown} …) match no known export")
    if suffix in {".html", ".htm"} or looks_like_html(stripped):
        return HTML
    return TEXT


def _is_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines[:2])
    except ValueError:
        return False


def _looks_like_csv(text: str) -> bool:
    lines = text.splitlines()[:3]
    return len(lines) >= 2 and lines[0].count(",") >= 3 and "  " not in lines[0]


# --- parsing --------------------------------------------------------------------


def parse_file(*, name: str, content: bytes, max_bytes: int, format: str | None = None) -> ParsedFile:
    """Every record in one file. ``max_bytes`` is the size cap (settings.INGEST_MAX_BYTES)."""
    if len(content) > max_bytes:
        raise FormatError(f"file too large: {len(content):,} bytes, the limit is {max_bytes:,}")
    text, encoding = decode_bytes(content)
    text = text.removeprefix("\ufeff")
    if format is not None and format not in FORMATS:
        raise FormatError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    fmt = format or detect_format(name, text)
    records = list(_PARSERS[fmt](name, text))
    notes = [f"converted from {encoding.upper()} to UTF-8"] if encoding != "utf-8" else []
    return ParsedFile(format=fmt, records=records, encoding=encoding, notes=notes)


def parse_raw(*, format: str, raw: str, origin: str, source_id: str = "") -> SourceRecord:
    """Rebuild one record from its stored ``raw`` (for retrying a failed announcement)."""
    if format in {TEXT, HTML}:
        return _article(format, origin, raw)
    if format == FULLTEXT_JSONL:
        return _fulltext_line(origin, raw)
    try:
        item = json.loads(raw)
    except ValueError as exc:
        return SourceRecord(
            format=format, origin=origin, raw=raw, source_id=source_id, error=_json_error(exc)
        )
    if not isinstance(item, dict):
        return SourceRecord(
            format=format, origin=origin, raw=raw, source_id=source_id, error="record is not a JSON object"
        )
    if format == BIZINFO_JSON:
        return _bizinfo_item(origin, raw, item)
    if format == BIZINFO_CSV:
        return _bizinfo_row(origin, raw, item)
    if format == KSTARTUP_CSV:
        record = _kstartup_row(origin, raw, item, category=str(item.get("category", "")))
        record.source_id = record.source_id or source_id
        return record
    return SourceRecord(format=format, origin=origin, raw=raw, source_id=source_id, error="unknown format")


def _json_error(exc: ValueError) -> str:
    return f"malformed JSON: {exc}"


def _article(fmt: str, origin: str, text: str) -> SourceRecord:
    body = html_to_text(text) if fmt == HTML else normalize_text(text)
    title = ""
    if fmt == HTML:
        match = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        title = normalize_text(html_to_text(match.group(1))) if match else ""
    error = "" if body else "no text in the article"
    return SourceRecord(format=fmt, origin=origin, raw=text, title=title, text=body, error=error)


def _parse_text(name: str, text: str) -> Iterator[SourceRecord]:
    yield _article(TEXT, name, text)


def _parse_html(name: str, text: str) -> Iterator[SourceRecord]:
    yield _article(HTML, name, text)


def _date(value: Any) -> date | None:
    match = re.match(r"\s*(\d{4})[-.](\d{1,2})[-.](\d{1,2})", str(value or ""))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _clean_fields(item: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in item.items():
        if isinstance(value, str):
            value = html_to_text(value) if key in _HTML_FIELDS else normalize_text(value)
        out[key] = value
    return out


def _identity_error(source_id: str, title: str, *, no_id: str, no_title: str) -> str:
    """Why a record cannot be stored: no id to update it by on re-import, or no title to show."""
    if not source_id:
        return no_id
    return "" if title else no_title


def _bizinfo_item(origin: str, raw: str, item: dict[str, Any]) -> SourceRecord:
    fields = _clean_fields(item)
    source_id = str(item.get("pblancId") or "").strip()
    title = str(fields.get("pblancNm") or "")
    error = _identity_error(
        source_id,
        title,
        no_id="Bizinfo record without pblancId",
        no_title="Bizinfo record without pblancNm (title)",
    )
    return SourceRecord(
        format=BIZINFO_JSON,
        origin=origin,
        raw=raw,
        title=title,
        text=str(fields.get("bsnsSumryCn") or ""),
        source_id=source_id,
        fields=fields,
        published_on=_date(item.get("creatPnttm")),
        error=error,
    )


def _exact_array_items(text: str, count: int) -> list[str] | None:
    """Each item's text exactly as in the file, or None when the layout is unexpected."""
    match = re.search(r'"jsonArray"\s*:\s*\[', text)
    if not match:
        return None
    decoder = json.JSONDecoder()
    pos, items = match.end(), []
    while len(items) < count:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        try:
            _, end = decoder.raw_decode(text, pos)
        except ValueError:
            return None
        items.append(text[pos:end])
        pos = end
    return items


def _parse_bizinfo_json(name: str, text: str) -> Iterator[SourceRecord]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        # One error for the whole file; the file is kept as a failed announcement.
        yield SourceRecord(format=BIZINFO_JSON, origin=name, raw=text, error=_json_error(exc))
        return
    items = data.get("jsonArray") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise FormatError('not an announcement format: JSON without a "jsonArray" list of records')
    exact = _exact_array_items(text, len(items)) if isinstance(data, dict) else None
    for index, item in enumerate(items):
        origin = f"{name}#{index}"
        raw = exact[index] if exact else json.dumps(item, ensure_ascii=False)
        if not isinstance(item, dict):
            yield SourceRecord(
                format=BIZINFO_JSON, origin=origin, raw=raw, error="record is not a JSON object"
            )
            continue
        yield _bizinfo_item(origin, raw, item)


def _csv_rows(name: str, fmt: str, text: str) -> Iterator[tuple[int, str, dict[str, str] | None, str]]:
    """(row_index, raw, row dict or None, error) for each data row; raw is the row as JSON."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        return
    index = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield index, "", None, f"unreadable CSV row: {exc}"
            index += 1
            continue
        if not any(value.strip() for value in values):
            continue  # blank line, not a row
        if len(values) != len(header):
            raw = json.dumps(values, ensure_ascii=False)
            yield index, raw, None, f"CSV row has {len(values)} fields, the header has {len(header)}"
        else:
            row = dict(zip(header, values, strict=True))
            yield index, json.dumps(row, ensure_ascii=False), row, ""
        index += 1


def _bizinfo_row(origin: str, raw: str, row: dict[str, Any]) -> SourceRecord:
    fields = _clean_fields(row)
    source_id = str(row.get("id") or "").strip()
    title = str(fields.get("title") or "")
    text = "\n\n".join(part for part in (fields.get("description"), fields.get("detail_text")) if part)
    error = _identity_error(
        source_id, title, no_id="Bizinfo CSV row without id", no_title="Bizinfo CSV row without title"
    )
    return SourceRecord(
        format=BIZINFO_CSV,
        origin=origin,
        raw=raw,
        title=title,
        text=text,
        source_id=source_id,
        fields=fields,
        published_on=_date(row.get("pubDate")),
        error=error,
    )


def _parse_bizinfo_csv(name: str, text: str) -> Iterator[SourceRecord]:
    for index, raw, row, error in _csv_rows(name, BIZINFO_CSV, text):
        origin = f"{name}#row{index}"
        if row is None:
            yield SourceRecord(format=BIZINFO_CSV, origin=origin, raw=raw, error=error)
        else:
            yield _bizinfo_row(origin, raw, row)


def _year(value: Any) -> int | None:
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return None


def _kstartup_row(origin: str, raw: str, row: dict[str, Any], *, category: str) -> SourceRecord:
    fields = _clean_fields(row)
    # The table's narrow cells wrapped words onto a second line: '문화체육관 광부', '창업콘테스 트'.
    for column in _KSTARTUP_TEXT_COLUMNS:
        if isinstance(fields.get(column), str):
            fields[column] = rejoin_wrapped_words(fields[column])
    fields["category"] = category
    # '1.0' → '1', 'ㆍ예비창업패키지' → '예비창업패키지': spreadsheet artefacts, not content.
    title = re.sub(r"^[ㆍ·•\-\s]+", "", str(fields.get("title") or ""))
    parts = [
        ("사업개요", fields.get("summary")),
        ("지원내용", fields.get("support")),
        ("지원대상", fields.get("target")),
        ("비고", fields.get("note")),
    ]
    text = "\n".join(f"{label}: {value}" for label, value in parts if value)
    error = "" if title else "통합공고 row without title"
    return SourceRecord(
        format=KSTARTUP_CSV,
        origin=origin,
        raw=raw,
        title=title,
        text=text,
        fields=fields,
        published_on=None,
        error=error,
    )


# The 통합공고 table comes from a PDF: a cell that wrapped onto a second line arrives as a row with no
# number that continues the row above it ('ㆍ목포시' + '중소기업 창업보육센터 지원사업').
_KSTARTUP_TEXT_COLUMNS = ("title", "summary", "support", "target", "ministry", "operator", "note")


def _merge_continuation(row: dict[str, str], continuation: dict[str, str]) -> dict[str, str]:
    merged = dict(row)
    for column in _KSTARTUP_TEXT_COLUMNS:
        addition = (continuation.get(column) or "").strip()
        if column == "title" and re.fullmatch(r"[\d.]+", addition):
            addition = ""  # a stray year or number from the PDF, not part of the name
        if addition:
            merged[column] = f"{(merged.get(column) or '').strip()} {addition}".strip()
    return merged


def _parse_kstartup_csv(name: str, text: str) -> Iterator[SourceRecord]:
    category = ""
    # The last program row, held until the rows that continue it have been read.
    pending: tuple[int, dict[str, str]] | None = None

    def finish(index: int, row: dict[str, str]) -> SourceRecord:
        row = dict(row, category=category)
        # raw keeps the category so a retry rebuilds the same record
        raw = json.dumps(row, ensure_ascii=False)
        record = _kstartup_row(f"{name}#row{index}", raw, row, category=category)
        year = _year(row.get("year"))
        if year is None:
            record.error = record.error or f"통합공고 row with no valid year ({row.get('year')!r})"
        else:
            record.source_id = f"kstartup{year}:{index}"
        return record

    for index, raw, row, error in _csv_rows(name, KSTARTUP_CSV, text):
        number = row.get("no", "").strip() if row is not None else ""
        if row is not None and not number and pending is not None:
            pending = (pending[0], _merge_continuation(pending[1], row))
            continue
        if pending is not None:
            yield finish(*pending)
            pending = None
        if row is None:
            yield SourceRecord(format=KSTARTUP_CSV, origin=f"{name}#row{index}", raw=raw, error=error)
        elif number.startswith("◇"):
            # '◇ 사업화 (34건)' → '사업화': a category header, not a program.
            category = re.sub(r"\s*\(\s*\d+\s*건\s*\)\s*$", "", number.lstrip("◇ ").strip())
        else:
            pending = (index, row)
    if pending is not None:
        yield finish(*pending)


def _fulltext_line(origin: str, line: str) -> SourceRecord:
    try:
        item = json.loads(line)
    except ValueError as exc:
        return SourceRecord(format=FULLTEXT_JSONL, origin=origin, raw=line, error=_json_error(exc))
    if not isinstance(item, dict):
        return SourceRecord(format=FULLTEXT_JSONL, origin=origin, raw=line, error="line is not a JSON object")
    excerpt = item.get("structured_excerpt") if isinstance(item.get("structured_excerpt"), dict) else {}
    fields = _clean_fields({key: value for key, value in item.items() if key != "structured_excerpt"})
    fields.update(_clean_fields(excerpt))
    pdf_text = str(item.get("pdf_text") or "")
    fields["pdf_text"] = html_to_text(pdf_text) if looks_like_html(pdf_text) else normalize_text(pdf_text)
    identifier = str(item.get("id") or item.get("key") or "").strip()
    source_id = identifier.removeprefix("bizinfo_")
    title = str(fields.get("title") or fields.get("pblancNm") or "")
    text = "\n\n".join(part for part in (fields.get("bsnsSumryCn"), fields["pdf_text"]) if part)
    error = _identity_error(source_id, title, no_id="notice without id", no_title="notice without title")
    return SourceRecord(
        format=FULLTEXT_JSONL,
        origin=origin,
        raw=line,
        title=title,
        text=text,
        source_id=source_id,
        fields=fields,
        error=error,
    )


def _parse_fulltext_jsonl(name: str, text: str) -> Iterator[SourceRecord]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _fulltext_line(f"{name}#line{number}", line)


_PARSERS = {
    TEXT: _parse_text,
    HTML: _parse_html,
    BIZINFO_JSON: _parse_bizinfo_json,
    BIZINFO_CSV: _parse_bizinfo_csv,
    KSTARTUP_CSV: _parse_kstartup_csv,
    FULLTEXT_JSONL: _parse_fulltext_jsonl,
}
