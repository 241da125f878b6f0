import math

import pytest

from matcher.engine.metrics import ndcg_at, precision_at, recall_at, summarize

QRELS = {"F1": {"a": 3, "b": 2, "c": 0, "d": 3}, "F2": {"x": 1}}


def test_ndcg_with_graded_gains_and_ideal_from_judgements():
    assert ndcg_at(["a", "d", "b"], QRELS["F1"]) == pytest.approx(1.0)
    dcg = 2 / math.log2(2) + 0 + 3 / math.log2(4)  # b, c, a
    ideal = 3 + 3 / math.log2(3) + 2 / math.log2(4)
    assert ndcg_at(["b", "c", "a"], QRELS["F1"]) == pytest.approx(dcg / ideal)
    assert ndcg_at(["zzz"], QRELS["F1"]) == 0.0  # unjudged counts as 0


def test_precision_recall_and_summary():
    assert precision_at(["a", "b", "c"], QRELS["F1"], k=10) == pytest.approx(0.2)
    assert recall_at(["a", "c"], QRELS["F1"], k=20) == pytest.approx(0.5)
    assert recall_at(["x"], QRELS["F2"]) is None
    runs = {"F1": ["a", "d", "b"], "F2": ["x", "y"]}
    figures = summarize(runs, QRELS, admits=lambda firm, uid: uid != "y", k=10)
    assert figures["ndcg@10"] == pytest.approx(1.0)
    assert figures["recall@20"] == pytest.approx(1.0)
    assert figures["ineligible@10"] == pytest.approx(0.25)  # F1: 0/3, F2: 1/2
    assert figures["unjudged@10"] == pytest.approx(0.25)  # F1: 0/3 unjudged, F2: 'y' of 2
