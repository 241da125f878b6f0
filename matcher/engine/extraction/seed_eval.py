"""Measure article extraction against the hand-made gold programs of the seed articles.

Extracted and gold programs are paired by content, not by title: char-bigram cosine
similarity of title + summary (+ the gold's sectors and support), assigned one-to-one
(Hungarian algorithm) with a minimum similarity.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scipy.optimize import linear_sum_assignment

from matcher.engine.extraction.articles import extract_article_programs
from matcher.engine.records import ExtractedProgram, SourceRecord

# Right pairs on the seeds score 0.6–0.9 and the best wrong pair about 0.3; below 0.4 is no match.
MIN_SIMILARITY = 0.4


@dataclass
class ProgramRow:
    seed: str
    gold_uid: str | None
    gold_title: str
    extracted_title: str
    similarity: float
    region_ok: bool | None = None
    budget_ok: bool | None = None  # None when the gold states no budget


@dataclass
class EvaluationReport:
    extracted: int
    gold: int
    matched: int
    region_right: int
    budgets_stated: int
    budgets_exact: int
    rows: list[ProgramRow] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def region_accuracy(self) -> float:
        return self.region_right / self.matched if self.matched else 0.0

    @property
    def budget_exactness(self) -> float:
        return self.budgets_exact / self.budgets_stated if self.budgets_stated else 1.0


def bigrams(text: str) -> Counter[str]:
    compact = re.sub(r"[\s\W_]+", "", text or "")
    return Counter(compact[i : i + 2] for i in range(len(compact) - 1))


def similarity(a: str, b: str) -> float:
    """Cosine similarity of character-bigram counts (robust to Korean particles and spacing)."""
    left, right = bigrams(a), bigrams(b)
    dot = sum(count * right[gram] for gram, count in left.items())
    norm = math.sqrt(sum(c * c for c in left.values())) * math.sqrt(sum(c * c for c in right.values()))
    return dot / norm if norm else 0.0


def _gold_text(gold: dict) -> str:
    return " ".join(
        [gold["title"], gold.get("summary") or "", *gold.get("sectors", []), *gold.get("support", [])]
    )


def _program_text(program: ExtractedProgram) -> str:
    return f"{program.title} {program.summary}"


def _budget_ok(program: ExtractedProgram | None, gold: dict) -> bool | None:
    if gold.get("budget_krw") is None:
        return None
    if program is None or program.budget_krw != gold["budget_krw"]:
        return False
    return gold.get("national_krw") is None or program.national_budget_krw == gold["national_krw"]


def evaluate(seeds_dir: Path, gold_path: Path) -> EvaluationReport:
    """Extract every seed article and score the result against the gold programs."""
    gold_programs = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    report = EvaluationReport(0, len(gold_programs), 0, 0, 0, 0)
    by_seed: dict[str, list[dict]] = {}
    for gold in gold_programs:
        by_seed.setdefault(gold["seed"], []).append(gold)
    seed_files = sorted(Path(seeds_dir).glob("*.txt"))
    for path in seed_files:
        text = path.read_text(encoding="utf-8")
        record = SourceRecord(format="text", origin=path.name, raw=text, text=text)
        programs = extract_article_programs(record)
        golds = by_seed.get(path.name, [])
        report.extracted += len(programs)
        pairs = _assign(programs, golds)
        matched_programs = {p for p, _, _ in pairs}
        matched_golds = {g for _, g, _ in pairs}
        for p_index, g_index, score in pairs:
            program, gold = programs[p_index], golds[g_index]
            region_ok = bool(program.regions) and (program.regions[0].sido, program.regions[0].sigungu) == (
                gold["sido"],
                gold["sigungu"],
            )
            budget_ok = _budget_ok(program, gold)
            report.matched += 1
            report.region_right += region_ok
            report.rows.append(
                ProgramRow(path.name, gold["uid"], gold["title"], program.title, score, region_ok, budget_ok)
            )
        for g_index, gold in enumerate(golds):
            if g_index not in matched_golds:
                report.rows.append(
                    ProgramRow(path.name, gold["uid"], gold["title"], "", 0.0, None, _budget_ok(None, gold))
                )
        for p_index, program in enumerate(programs):
            if p_index not in matched_programs:
                report.rows.append(ProgramRow(path.name, None, "", program.title, 0.0))
    # Gold programs of seeds that were not found on disk count as missed.
    present = {p.name for p in seed_files}
    for gold in gold_programs:
        if gold["seed"] not in present:
            report.rows.append(
                ProgramRow(gold["seed"], gold["uid"], gold["title"], "", 0.0, None, _budget_ok(None, gold))
            )
    for row in report.rows:
        if row.budget_ok is not None:
            report.budgets_stated += 1
            report.budgets_exact += row.budget_ok
    return report


def _assign(programs: list[ExtractedProgram], golds: list[dict]) -> list[tuple[int, int, float]]:
    if not programs or not golds:
        return []
    scores = [[similarity(_program_text(p), _gold_text(g)) for g in golds] for p in programs]
    rows, cols = linear_sum_assignment([[-s for s in row] for row in scores])
    return [(r, c, scores[r][c]) for r, c in zip(rows, cols, strict=True) if scores[r][c] >= MIN_SIMILARITY]


def format_report(report: EvaluationReport) -> str:
    lines = [
        f"extracted {report.extracted}, gold {report.gold}, matched {report.matched}",
        f"precision {report.precision:.3f}  recall {report.recall:.3f}  "
        f"region accuracy {report.region_accuracy:.3f}  "
        f"budget exact {report.budgets_exact}/{report.budgets_stated}",
        "",
        f"{'gold':28} {'sim':>5} {'region':>6} {'budget':>6}  extracted title",
    ]
    for row in report.rows:
        mark = {True: "ok", False: "WRONG", None: "-"}
        lines.append(
            f"{(row.gold_uid or '(no gold)'):28} {row.similarity:5.2f} {mark[row.region_ok]:>6} "
            f"{mark[row.budget_ok]:>6}  {row.extracted_title or '(missed)'}"
        )
    return "\n".join(lines)
