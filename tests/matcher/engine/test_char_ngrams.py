"""The numpy character n-gram fit must leave a vectorizer exactly as scikit-learn's own fit does."""

from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from matcher.engine.char_ngrams import fit_transform_char_wb

SEEDS = Path(__file__).resolve().parents[3] / "sample_data" / "seeds"

# Edge cases of char_wb: empty and blank documents, one-letter words, runs of mixed whitespace
# (NBSP, tab, newline, ideographic space), upper case, a letter whose lower case is two code points
# ('İ'), characters outside the BMP, punctuation glued to words, and a word repeated in a document.
TRICKY = [
    "",
    "   \n\t ",
    "a b c",
    "Hello  WORLD\u00a0x\ty\nz\u3000끝",
    "İstanbul ÇAĞ",
    "이모지 😀 테스트 𝔘𝔫𝔦",
    "(주)구미 ‘BIG5+1’ 전략… 2,500억원!",
    "배터리 배터리 배터리 이차전지",
]


def corpus() -> list[str]:
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paragraphs = [line for text in articles for line in text.splitlines() if line.strip()]
    return paragraphs + TRICKY


def assert_same_fit(params: dict, texts: list[str]) -> None:
    ours, theirs = TfidfVectorizer(**params), TfidfVectorizer(**params)
    expected = theirs.fit_transform(texts)
    got = fit_transform_char_wb(ours, texts)

    assert ours.vocabulary_ == theirs.vocabulary_
    np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=1e-6)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    np.testing.assert_allclose(got.toarray(), expected.toarray(), rtol=1e-6, atol=1e-7)
    queries = ["이차전지 양극재 제조", "BIG5 전략 Ça", "", "처음 보는 글자 ぁ"]
    np.testing.assert_allclose(
        ours.transform(queries).toarray(), theirs.transform(queries).toarray(), rtol=1e-6
    )


@pytest.mark.parametrize(
    "params",
    [
        {"ngram_range": (2, 3), "sublinear_tf": True, "min_df": 2, "max_df": 0.5, "dtype": np.float32},
        {"ngram_range": (1, 1)},
        {"ngram_range": (1, 3), "min_df": 0.01, "max_df": 40},
        {"ngram_range": (3, 3), "smooth_idf": False, "norm": "l1"},
        {"ngram_range": (2, 2), "norm": None, "sublinear_tf": True},
    ],
)
def test_numpy_fit_equals_scikit_learn(params):
    assert_same_fit({"analyzer": "char_wb", **params}, corpus())


def test_settings_it_does_not_reproduce_are_fitted_by_scikit_learn():
    # Plain 'char' n-grams cross words, and 4-grams do not fit its key: both go to scikit-learn.
    assert_same_fit({"analyzer": "char", "ngram_range": (2, 3)}, corpus())
    assert_same_fit({"analyzer": "char_wb", "ngram_range": (2, 4)}, corpus())
    assert_same_fit({"analyzer": "char_wb", "binary": True}, corpus())


def test_limits_that_leave_nothing_fail_as_scikit_learn_does():
    cases = [
        ({"min_df": 2}, "no terms remain"),  # the two documents share no n-gram
        ({"min_df": 3, "max_df": 0.1}, "max_df corresponds to < documents than min_df"),
    ]
    for params, message in cases:
        for fit in (fit_transform_char_wb, TfidfVectorizer.fit_transform):
            with pytest.raises(ValueError, match=message):
                fit(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), **params), ["가나", "다라"])
