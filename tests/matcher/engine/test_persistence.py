import pickle

import numpy as np
import pytest

from matcher.engine.analysis import analyze_to_string
from matcher.engine.eligibility import ProgramFacts
from matcher.engine.persistence import FORMAT_VERSION, ModelLoadError, load_index, read_header, save_index
from matcher.engine.ranking import MatcherIndex, ProgramDoc, firm_query
from matcher.engine.regions import Region

TEXTS = ["이차전지 배터리 성능 인증", "스마트공장 구축 지원", "수출 바우처 해외 전시회", "관광 스타트업 육성"]


def build():
    docs = [
        ProgramDoc(i, analyze_to_string(t), t, ProgramFacts(nationwide=True)) for i, t in enumerate(TEXTS)
    ]
    return MatcherIndex.build(docs, n_components=2, use_ksic=False)


def test_round_trip_keeps_scores_and_versions(tmp_path):
    index = build()
    path = tmp_path / "m.pkl"
    sha = save_index(index, path)
    assert len(sha) == 64 and not list(tmp_path.glob(".*tmp"))
    loaded, header = load_index(path, expected_sha256=sha)
    assert header["format_version"] == FORMAT_VERSION
    assert set(header["libraries"]) >= {"python", "scikit-learn", "numpy", "scipy", "kiwipiepy"}
    query = firm_query(sector="배터리", region=Region("서울특별시"))
    assert np.allclose(index.similarities(query), loaded.similarities(query))
    assert read_header(path)["magic"] == "grantmatch-matcher"


def test_version_mismatch_and_corrupt_file_raise_clear_errors(tmp_path):
    path = tmp_path / "m.pkl"
    save_index(build(), path)
    data = pickle.loads(path.read_bytes())
    data["header"]["format_version"] = FORMAT_VERSION + 1
    path.write_bytes(pickle.dumps(data))
    with pytest.raises(ModelLoadError, match="format version"):
        load_index(path)
    path.write_bytes(b"\x80\x05not a pickle at all")
    with pytest.raises(ModelLoadError, match="corrupt"):
        load_index(path)
    with pytest.raises(ModelLoadError, match="SHA-256"):
        load_index(path, expected_sha256="0" * 64)
    with pytest.raises(ModelLoadError, match="cannot be read"):
        load_index(tmp_path / "missing.pkl")
