"""Would a learned re-ranker help? Cross-validated by firm on the dev judgements (development aid).

For every dev firm the matcher's best 100 eligible programs are described by 20 general features
(word / latent / character / title similarity, rank, region level, firm-type fit, kind of support,
openness, how industry-specific the program is and whether its dominant KSIC division is the firm's,
number of support kinds, text length, startup limits). Three models re-rank them — histogram gradient
boosting (graded regression), ridge regression and pairwise logistic regression — trained on the other
firms' judgements (5 folds of firms, 3 shuffles); unjudged programs count as grade 0, as in the metric.

Run: ``python -m bench.ltr_cv`` (needs the dev corpus in the configured database, loaded on the fly).
"""

from __future__ import annotations

import json
from datetime import date
from statistics import mean

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.preprocessing import normalize

from bench.dev_eval import dev_firm_query, load_docs
from bench.devcorpus import SAMPLES
from matcher.engine.metrics import ndcg_at, precision_at, recall_at
from matcher.engine.ranking import KINDS, MatcherIndex
from matcher.engine.similarity import ksic_documents

POOL = 100
TODAY = date(2025, 6, 1)  # the dev corpus's season, so 'open' means something


def division_matrix(index: MatcherIndex):
    """KSIC divisions as normalised character-n-gram vectors (a general vocabulary, not the dev data)."""
    texts: dict[str, list[str]] = {}
    for code, _, text in ksic_documents():
        texts.setdefault(code[:2], []).append(text)
    docs = [" ".join(dict.fromkeys(" ".join(v).split())) for _, v in sorted(texts.items())]
    return normalize(index.model.char_vectorizer_.transform(docs)).astype(np.float32)


def features(index: MatcherIndex, docs, firms) -> tuple[list, np.ndarray]:
    divisions = division_matrix(index)
    program_div = np.asarray((normalize(index.chars) @ divisions.T).todense())
    dominant, specificity = program_div.argmax(1), program_div.max(1)
    keys, rows = [], []
    for firm in firms:
        q = dev_firm_query(firm)
        ranked, _ = index.rank(q, limit=POOL, today=TODAY)
        ids = [index.position[r.program_id] for r in ranked]
        if not ids:
            continue
        _, level, fit = index.eligibility(q.firm)
        vec = index.model.transform_query(q.terms, q.text)
        qc = np.zeros(index.chars.shape[1], dtype=np.float32)
        qc[vec.char_indices] = vec.char_values
        firm_div = divisions @ (qc / (np.linalg.norm(qc) or 1.0))
        words = (
            np.asarray(index.word_t[vec.word_indices][:, ids].T @ vec.word_values).ravel()
            if len(vec.word_indices)
            else np.zeros(len(ids))
        )
        latent = index.latent[ids] @ vec.latent if vec.latent is not None else np.zeros(len(ids))
        chars = index.chars[ids] @ qc
        title = index.title_chars()[ids] @ qc
        wanted = [k for k, kind in enumerate(KINDS) if kind in q.kinds]
        top = max(r.similarity for r in ranked) or 1.0
        for rank, (r, i) in enumerate(zip(ranked, ids, strict=True)):
            facts = index.facts[i]
            rows.append(
                [
                    r.similarity,
                    r.similarity / top,
                    1 / (1 + rank),
                    words[rank],
                    latent[rank],
                    chars[rank],
                    title[rank],
                    level[i],
                    fit[i],
                    float(index.kinds[i, wanted].any()) if wanted else 0.0,
                    float(bool(r.is_open)),
                    specificity[i],
                    float(dominant[i] == firm_div.argmax()),
                    program_div[i, firm_div.argmax()],
                    specificity[i] - program_div[i, firm_div.argmax()],
                    len(docs[i].support_types),
                    np.log1p(len(docs[i].text)),
                    float(facts.years_max is not None),
                    float("예비창업자" in facts.firm_types),
                    float(firm.get("size") in ("창업기업", "예비창업자")),
                ]
            )
            keys.append((firm["id"], r.program_id))
    return keys, np.array(rows, dtype=float)


def _scores(keys, pred, qrels, firm_ids) -> dict[str, float]:
    by_firm: dict[str, list] = {}
    for (fid, uid), p in zip(keys, pred, strict=True):
        by_firm.setdefault(fid, []).append((-p, len(by_firm.get(fid, [])), uid))
    n, p10, r20 = [], [], []
    for fid in firm_ids:
        ranked = [uid for _, _, uid in sorted(by_firm.get(fid, []))]
        n.append(ndcg_at(ranked, qrels[fid]))
        p10.append(precision_at(ranked, qrels[fid]))
        r = recall_at(ranked, qrels[fid], 20)
        if r is not None:
            r20.append(r)
    return {"ndcg@10": mean(n), "p@10": mean(p10), "recall@20": mean(r20)}


def _fit_predict(kind: str, X, y, groups_train, X_test):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Xs, Xt = (X - mu) / sd, (X_test - mu) / sd
    if kind == "hgb":
        model = HistGradientBoostingRegressor(
            max_iter=150, learning_rate=0.05, max_leaf_nodes=8, min_samples_leaf=20, random_state=0
        )
        return model.fit(X, y).predict(X_test)
    if kind == "ridge":
        return Ridge(alpha=10).fit(Xs, y).predict(Xt)
    diffs, signs = [], []
    for g in set(groups_train):
        rows = np.flatnonzero(groups_train == g)
        for a in rows:
            for b in rows:
                if y[a] > y[b]:
                    diffs += [Xs[a] - Xs[b], Xs[b] - Xs[a]]
                    signs += [1, 0]
    model = LogisticRegression(C=0.01, fit_intercept=False, max_iter=3000).fit(np.array(diffs), signs)
    return Xt @ model.coef_[0]


def main(argv=None) -> dict:
    firms = json.loads((SAMPLES / "eval" / "firms_dev.json").read_text())
    qrels = json.loads((SAMPLES / "eval" / "qrels_dev.json").read_text())
    docs, _ = load_docs()
    index = MatcherIndex.build(docs)
    keys, X = features(index, docs, firms)
    y = np.array([qrels.get(fid, {}).get(uid, 0) for fid, uid in keys], dtype=float)
    groups = np.array([fid for fid, _ in keys])
    firm_ids = sorted(f["id"] for f in firms if f["id"] in qrels)
    result = {"matcher (pool order)": _scores(keys, -np.arange(len(keys), dtype=float), qrels, firm_ids)}
    for kind in ("hgb", "ridge", "pairwise_lr"):
        runs = []
        for seed in range(3):
            order = list(firm_ids)
            np.random.RandomState(seed).shuffle(order)
            fold = {fid: i % 5 for i, fid in enumerate(order)}
            folds = np.array([fold.get(g, 0) for g in groups])
            pred = np.zeros(len(y))
            for k in range(5):
                train, test = folds != k, folds == k
                pred[test] = _fit_predict(kind, X[train], y[train], groups[train], X[test])
            runs.append(_scores(keys, pred, qrels, firm_ids))
        in_sample = _scores(keys, _fit_predict(kind, X, y, groups, X), qrels, firm_ids)
        result[kind] = {
            "cross_validated_by_firm": {m: mean(r[m] for r in runs) for m in runs[0]},
            "in_sample": in_sample,
        }
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()
