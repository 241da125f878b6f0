"""The issue's 'Done when': extraction on the seed articles, scored against the gold programs."""

from __future__ import annotations

from pathlib import Path

from matcher.engine.extraction.seed_eval import evaluate, format_report, similarity

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data"


def test_similarity_is_content_overlap() -> None:
    assert similarity("스마트공장 고도화 지원", "스마트공장 고도화를 지원") > 0.7
    assert similarity("스마트공장 고도화 지원", "해외 전시회 참가") < 0.1


def test_seed_articles_meet_the_targets() -> None:
    report = evaluate(SAMPLE / "seeds", SAMPLE / "eval" / "seed_programs.json")
    print(format_report(report))
    assert report.gold == 17
    assert report.precision >= 0.9, format_report(report)
    assert report.recall >= 0.9, format_report(report)
    matched = [row for row in report.rows if row.gold_uid and row.extracted_title]
    assert all(row.region_ok for row in matched), format_report(report)
    assert report.budgets_stated == 10
    assert report.budgets_exact == report.budgets_stated, format_report(report)


def test_the_score_drops_when_an_article_is_not_split(monkeypatch) -> None:
    from matcher.engine.extraction import seed_eval
    from matcher.engine.records import ExtractedProgram

    def whole_article(record):
        return [ExtractedProgram(title=record.origin, summary=record.text)]

    monkeypatch.setattr(seed_eval, "extract_article_programs", whole_article)
    report = evaluate(SAMPLE / "seeds", SAMPLE / "eval" / "seed_programs.json")
    assert report.recall <= 2 / 17
    assert report.budgets_exact == 0
