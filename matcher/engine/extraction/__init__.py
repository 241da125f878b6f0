"""Extraction: ``SourceRecord`` → ``ExtractedProgram`` list.

Free-text articles (text/HTML) may hold several programs and are split;
structured notices (Bizinfo, 통합공고, full notices) hold one each.
"""

from __future__ import annotations

from matcher.engine.extraction.articles import extract_article_programs
from matcher.engine.extraction.notices import extract_notice_program
from matcher.engine.records import ExtractedProgram, SourceRecord

ARTICLE_FORMATS = {"text", "html"}


def extract_programs(record: SourceRecord) -> list[ExtractedProgram]:
    """Every support program in one record, with fields and evidence."""
    if record.format in ARTICLE_FORMATS:
        return extract_article_programs(record)
    return [extract_notice_program(record)]
