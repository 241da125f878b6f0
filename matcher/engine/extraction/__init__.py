"""Extraction: ``SourceRecord`` → ``ExtractedProgram`` list.

Free-text articles (text/HTML) may hold several programs and are split;
structured notices (Bizinfo, 통합공고, full notices) hold one each.
"""

from __future__ import annotations

from matcher.engine.records import ExtractedProgram, SourceRecord

ARTICLE_FORMATS = {"text", "html"}


def extract_programs(record: SourceRecord) -> list[ExtractedProgram]:
    """Every support program in one record, with fields and evidence."""
    # Placeholder until the article and notice extractors land: one program per record.
    title = record.title or (record.text.strip().splitlines() or [record.origin])[0][:200]
    return [ExtractedProgram(title=title, summary=record.text, source_id=record.source_id)]
