import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from matcher.engine.analysis import analyze_to_string
from matcher.models import Program
from matcher.services.model_store import reset_cache


@pytest.fixture
def programs(db):
    rows = [
        ("PBLN_1", "[경북] 구미시 배터리 기업 지원", [{"sido": "경상북도", "sigungu": "구미시"}], False),
        ("PBLN_2", "배터리 소재 국산화 지원", [], True),
        ("kstartup2024:3", "관광 스타트업 육성", [], True),
        ("PBLN_4", "[경북] 포항시 배터리 기업 지원", [{"sido": "경상북도", "sigungu": "포항시"}], False),
    ]
    for sid, title, regions, nationwide in rows:
        Program.objects.create(
            source_id=sid,
            title=title,
            summary=title,
            regions=regions,
            nationwide=nationwide,
            search_terms=analyze_to_string(title),
            status=Program.Status.PUBLISHED,
            published_at=timezone.now(),
        )
    reset_cache()
    yield
    reset_cache()


def test_match_command_prints_json(programs, capsys):
    call_command("match", "--sector", "배터리", "--region", "경북 구미시", "--top", "5", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) == {"program_id", "source_id", "title", "score", "regions", "reasons"}
    assert rows[0]["source_id"] == "PBLN_1" and rows[0]["regions"] == ["경상북도 구미시"]
    assert all("포항시" not in r["title"] for r in rows)
    assert rows[0]["reasons"]["eligibility"] and "배터리" in rows[0]["reasons"]["matched_terms"]


def test_match_command_names_the_words_no_eligible_program_uses_on_stderr(programs, capsys):
    # '포항시' is only in Pohang's notice; stdout stays a JSON list.
    call_command("match", "--sector", "배터리 포항시", "--region", "경북 구미시", "--json")
    out, err = capsys.readouterr()
    assert json.loads(out) and "uses in its title or summary: 포항시" in err
    call_command("match", "--sector", "배터리", "--region", "경북 구미시", "--json")
    assert capsys.readouterr().err == ""


def test_match_command_takes_a_headcount(programs, capsys):
    Program.objects.filter(source_id="PBLN_2").update(employees_min=10)
    reset_cache()

    def sources(*extra: str) -> list[str]:
        call_command("match", "--sector", "배터리", "--region", "경북 구미시", "--json", *extra)
        return [row["source_id"] for row in json.loads(capsys.readouterr().out)]

    assert "PBLN_2" in sources()  # no headcount, no type: not excluded
    assert "PBLN_2" not in sources("--employees", "9") and "PBLN_1" in sources("--employees", "9")
    assert "PBLN_2" in sources("--employees", "10")
    with pytest.raises(CommandError, match="--employees must be 0 or more"):
        call_command("match", "--sector", "배터리", "--region", "경북 구미시", "--employees", "-1")


def test_match_command_takes_a_ksic_code(programs, capsys):
    Program.objects.create(
        source_id="PBLN_5",
        title="이차전지 부품 기업 지원",
        summary="이차전지 부품 기업 지원",
        nationwide=True,
        search_terms=analyze_to_string("이차전지 부품 기업 지원"),
        status=Program.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    reset_cache()

    def rows(*extra: str) -> dict[str, dict]:
        call_command("match", "--sector", "관광", "--region", "경북 구미시", "--json", *extra)
        return {row["source_id"]: row for row in json.loads(capsys.readouterr().out)}

    before = rows()["PBLN_5"]
    assert "이차" not in before["reasons"]["matched_terms"]
    # The subclass name ('운송장비용 이차전지 제조업') joins the query: the battery program is found by it.
    after = rows("--ksic", "28202")["PBLN_5"]
    assert "이차" in after["reasons"]["matched_terms"] and after["score"] > before["score"]
    with pytest.raises(CommandError, match="unknown KSIC subclass code"):
        call_command("match", "--sector", "관광", "--region", "경북 구미시", "--ksic", "99999")


def test_evaluate_command_on_tiny_qrels(programs, tmp_path, capsys):
    firms = [
        {
            "id": "F1",
            "sector": "배터리",
            "sido": "경상북도",
            "sigungu": "구미시",
            "size": "중소기업",
            "years": 5,
        }
    ]
    qrels = {"F1": {"bizinfo:PBLN_1": 3, "bizinfo:PBLN_2": 2, "kstartup2024:3": 0, "bizinfo:PBLN_4": 0}}
    (tmp_path / "f.json").write_text(json.dumps(firms, ensure_ascii=False))
    (tmp_path / "q.json").write_text(json.dumps(qrels, ensure_ascii=False))
    call_command(
        "evaluate", "--firms", str(tmp_path / "f.json"), "--qrels", str(tmp_path / "q.json"), "--json"
    )
    result = json.loads(capsys.readouterr().out)
    ours = result["matcher"]
    assert ours["ndcg@10"] == pytest.approx(1.0)  # PBLN_1 then PBLN_2: the ideal order
    assert ours["p@10"] == pytest.approx(0.2)
    assert ours["recall@20"] == pytest.approx(1.0)
    assert ours["ineligible@10"] == 0.0
    assert result["bm25"]["ineligible@10"] > 0  # its 시도 filter lets the 포항시 program through
    assert set(result) == {"matcher", "bm25", "title_keyword", "_corpus"}
    call_command("evaluate", "--firms", str(tmp_path / "f.json"), "--qrels", str(tmp_path / "q.json"))
    assert "matcher" in capsys.readouterr().out


def test_evaluate_resolves_typed_locations_and_refuses_unknown_ones(programs, tmp_path, capsys):
    from django.core.management.base import CommandError

    qrels = {"F1": {"bizinfo:PBLN_1": 3, "bizinfo:PBLN_4": 0}, "F2": {"bizinfo:PBLN_1": 3}}
    firms = [
        {"id": "F1", "sector": "배터리", "sido": "경북", "sigungu": "구미"},  # short forms, as people type
        {"id": "F2", "sector": "배터리", "location": "경상북도 구미시 공단동"},
    ]
    (tmp_path / "q.json").write_text(json.dumps(qrels, ensure_ascii=False))
    (tmp_path / "f.json").write_text(json.dumps(firms, ensure_ascii=False))
    call_command(
        "evaluate", "--firms", str(tmp_path / "f.json"), "--qrels", str(tmp_path / "q.json"), "--json"
    )
    ours = json.loads(capsys.readouterr().out)["matcher"]
    assert ours["ndcg@10"] == pytest.approx(1.0)  # 구미 resolved: the 구미시 program first, 포항시 never
    assert ours["ineligible@10"] == 0.0

    firms[1]["location"] = "아틀란티스"
    (tmp_path / "f.json").write_text(json.dumps(firms, ensure_ascii=False))
    with pytest.raises(CommandError, match="'F2': location '아틀란티스' is not a known"):
        call_command("evaluate", "--firms", str(tmp_path / "f.json"), "--qrels", str(tmp_path / "q.json"))


def test_evaluate_load_dev_corpus_ingests_and_refits(db, tmp_path, monkeypatch, capsys, settings):
    # Only the seed articles (a few seconds): they go through the article extractor and are mapped
    # to their seed:<name> uids by content.
    from matcher.management.commands import load_samples

    settings.MODEL_DIR = str(tmp_path / "models")
    monkeypatch.setattr(load_samples, "CORPUS", [])
    reset_cache()
    firms = [{"id": "F1", "sector": "이차전지", "sido": "경상북도", "sigungu": "구미시", "size": "중소기업"}]
    qrels = {"F1": {"seed:gumi-battery": 3}}
    (tmp_path / "f.json").write_text(json.dumps(firms, ensure_ascii=False))
    (tmp_path / "q.json").write_text(json.dumps(qrels, ensure_ascii=False))
    call_command(
        "evaluate",
        "--load-dev-corpus",
        "--firms",
        str(tmp_path / "f.json"),
        "--qrels",
        str(tmp_path / "q.json"),
        "--json",
    )
    captured = capsys.readouterr()
    result = json.loads(captured.out[captured.out.index("{") :])
    assert result["_corpus"]["programs"] == 17 and result["_corpus"]["mapped_to_qrels"] >= 16
    assert result["matcher"]["recall@20"] == 1.0
    assert "warning" not in captured.err  # the database holds the dev corpus and nothing else

    # A program from elsewhere (another file, or made by hand) would change the figures: said loudly.
    Program.objects.create(
        title="다른 파일의 사업",
        summary="이차전지",
        status=Program.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    args = ["--firms", str(tmp_path / "f.json"), "--qrels", str(tmp_path / "q.json"), "--json"]
    call_command("evaluate", "--load-dev-corpus", *args)
    assert "warning: 1 published programs here were last read from files outside" in capsys.readouterr().err
    reset_cache()


def test_match_command_takes_the_kinds_of_firm_it_is(programs, capsys):
    Program.objects.filter(source_id="PBLN_2").update(firm_types=["사회적기업"])
    reset_cache()

    def sources(*extra: str) -> list[str]:
        call_command("match", "--sector", "배터리", "--region", "경북 구미시", "--json", *extra)
        return [row["source_id"] for row in json.loads(capsys.readouterr().out)]

    assert "PBLN_2" not in sources()
    assert "PBLN_2" in sources("--special-type", "사회적기업", "--special-type", "여성기업")
    with pytest.raises(CommandError):
        call_command("match", "--sector", "배터리", "--region", "경북 구미시", "--special-type", "대기업")
