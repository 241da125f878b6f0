"""Text clean-up shared by parsing, extraction and evidence: HTML → text, sentences, normalisation."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from html.parser import HTMLParser

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dd",
    "dt",
}
# Content of these is never text a reader sees; dropping it also keeps scripts out of storage.
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:p|div|br|span|html|body|table|li|h\d)\b[^>]*>", text[:5000], re.I))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment or page, one block per line; scripts and styles removed."""
    parser = _TextExtractor()
    parser.feed(markup or "")
    parser.close()
    return normalize_text("".join(parser.parts))


def normalize_text(text: str) -> str:
    """NFC, no-break spaces and zero-width characters removed, blank runs collapsed, lines trimmed."""
    text = unicodedata.normalize("NFC", html.unescape(text or ""))
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\r\n", "\n")
    text = text.replace("\r", "\n")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


# A sentence ends at a Korean final ending or punctuation followed by space/line end;
# decimal points ('2.5억') and list numbers ('1.') are not ends.
_SENTENCE_END = re.compile(r"(?<=[다요음함됨임까][.!?])\s+|(?<=[.!?。])\s+(?=[\"'“‘(\[]?[가-힣A-Z])|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a Korean text, trimmed, empty ones dropped."""
    return [part.strip() for part in _SENTENCE_END.split(text or "") if part and part.strip()]


# A list marker at the start of a notice line ('☞ ', '- ', '① ', '1) ', '※ '): layout, not words.
_LEADING_MARKER = re.compile(r"^(?:[☞○●◦▶▷►■□◆◇•·※*\-]|[①-⑳]|\(\d{1,2}\)|\d{1,2}[.)](?!\d))\s*")


def quotable(sentence: str) -> str:
    """A source sentence as quoted to a reader: whitespace runs as one space, list markers dropped."""
    clean = re.sub(r"\s+", " ", markdown_line(sentence or "")).strip()
    previous = None
    while clean != previous:  # '- ☞ …' carries two
        previous, clean = clean, _LEADING_MARKER.sub("", clean, count=1)
    return clean


# A line that is only a file's name: an article page's image ('459ad4…_6818.jpg') or attachment, as copied.
_FILE_NAME_LINE = re.compile(
    r"^[ \t]*[\w\-.()]+\.(?:jpe?g|png|gif|bmp|webp|pdf|hwpx?|docx?|xlsx?|pptx?|zip)[ \t]*(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)


# Markdown that full-text notices carry from their PDF conversion ('### 첨부: 공고문.md', '| 구분 | 내용 |').
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ATTACHMENT = re.compile(r"^(첨부\s*:.*?)\.md\s*$")
_MD_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a line break inside a table cell


def markdown_line(line: str) -> str:
    """One line of Markdown as plain text: no heading marks, emphasis, images or link targets, a table
    row's cells joined by ' · ' ('| 신청기간 | 4.1 ~ 4.30 |' → '신청기간 · 4.1 ~ 4.30'), a table's rule
    line empty, and an attachment heading without the '.md' of its conversion."""
    if _MD_TABLE_RULE.match(line):
        return ""
    line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", _MD_BREAK.sub(" ", line)))
    line = _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", line))
    stripped = line.strip()
    # A row, or the part of one a sentence was cut from ('신청기간 | 4.1 ~ 4.30 |'), opens or closes with '|'.
    if len(stripped) > 1 and (stripped.startswith("|") or stripped.endswith("|")):
        line = " · ".join(cell for cell in (c.strip() for c in stripped.strip("|").split("|")) if cell)
    return _MD_ATTACHMENT.sub(r"\1", line.rstrip())


def markdown_to_text(text: str) -> str:
    """``markdown_line`` on every line, runs of empty lines kept to one: a converted notice as a person
    reads it. Plain text passes through unchanged but for those runs."""
    lines = [markdown_line(line) for line in (text or "").splitlines() if not _MD_TABLE_RULE.match(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def readable_text(text: str) -> str:
    """An article's text as a reader should see it quoted: lines that are only a file's name dropped,
    trailing spaces trimmed, and runs of empty lines (a copied page's layout) kept to one."""
    text = _FILE_NAME_LINE.sub("", text or "")
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# A hit shorter than this (a lone syllable such as '재') is noise to a reader.
MIN_WORD_CHARS = 2


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``terms`` occur in ``text``, longest term first, with adjacent hits joined into one span
    ('이차' + '전지' → '이차전지'): morphemes the analyser split read as the word a person wrote.
    Spans shorter than ``MIN_WORD_CHARS`` are dropped."""
    needles = sorted({t for t in (str(t).strip() for t in terms or []) if t}, key=len, reverse=True)
    if not text or not needles:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in needles))
    spans: list[list[int]] = []
    for found in pattern.finditer(text):
        if spans and spans[-1][1] == found.start():
            spans[-1][1] = found.end()
        else:
            spans.append([found.start(), found.end()])
    return [(start, end) for start, end in spans if end - start >= MIN_WORD_CHARS]


def matched_words(text: str, terms: Iterable[str]) -> list[str]:
    """The words of ``text`` that ``terms`` match, as written there and in order of appearance ('이차전지'
    rather than '전지, 이차'), without one that a longer listed word contains; then any term of two or
    more characters the text does not show."""
    terms = [str(t).strip() for t in terms or [] if str(t).strip()]
    found = list(dict.fromkeys(text[start:end] for start, end in term_spans(text, terms)))
    words = [w for w in found if not any(w != other and w in other for other in found)]
    covered = "\n".join(words)
    rest = [t for t in dict.fromkeys(terms) if len(t) >= MIN_WORD_CHARS and t not in covered]
    return words + rest
