import json
from datetime import date
from pathlib import Path

import pytest

from matcher.engine.formats import (
    BIZINFO_CSV,
    BIZINFO_JSON,
    FULLTEXT_JSONL,
    HTML,
    KSTARTUP_CSV,
    TEXT,
    FormatError,
    decode_bytes,
    parse_file,
    parse_raw,
)

SAMPLES = Path(__file__).resolve().parents[3] / "sample_data"
CAP = 1024 * 1024


def parse(name: str, content: bytes | str, **kwargs):
    data = content.encode() if isinstance(content, str) else content
    return parse_file(name=name, content=data, max_bytes=kwargs.pop("max_bytes", CAP), **kwargs)


BIZINFO_ITEM = {
    "pblancId": "PBLN_000000000100001",
    "pblancNm": "2025년 구미시 수출기업 지원사업 공고",
    "jrsdInsttNm": "경상북도 구미시",
    "excInsttNm": "구미상공회의소",
    "pldirSportRealmLclasCodeNm": "수출",
    "trgetNm": "중소기업",
    "bsnsSumryCn": "<p>수출 중소기업 지원&nbsp;사업</p><script>alert(1)</script><p>☞ 해외 전시회</p>",
    "reqstBeginEndDe": "2025-01-02 ~ 2025-02-28",
    "hashtags": "수출,구미",
    "creatPnttm": "2025-01-02 10:00:00",
    "pblancUrl": "https://www.bizinfo.go.kr/x?pblancId=PBLN_000000000100001",
    "rceptEngnHmpgUrl": "https://example.kr/apply",
    "refrncNm": "054-000-0000",
}


def test_plain_text_article_is_one_record():
    parsed = parse("article.txt", "구미시는 내년에 수출 기업을 지원한다.\n\n예산은 10억원이다.")
    assert parsed.format == TEXT
    assert len(parsed.records) == 1
    record = parsed.records[0]
    assert record.text == "구미시는 내년에 수출 기업을 지원한다.\n\n예산은 10억원이다."
    assert record.source_id == ""
    assert record.error == ""


def test_html_article_drops_scripts_and_keeps_raw():
    markup = (
        "<html><head><title>구미 소식</title><script>steal()</script></head>"
        "<body><p>지원 사업</p></body></html>"
    )
    parsed = parse("page.html", markup)
    assert parsed.format == HTML
    record = parsed.records[0]
    assert record.text == "지원 사업"
    assert "steal" not in record.text and "steal" not in record.title
    assert record.title == "구미 소식"
    assert record.raw == markup


def test_html_detected_without_extension():
    parsed = parse("pasted", "<div>본문 <b>강조</b></div><script>x()</script>")
    assert parsed.format == HTML
    assert parsed.records[0].text == "본문 강조"


def test_bizinfo_json_one_record_per_item_with_exact_raw():
    second = dict(BIZINFO_ITEM, pblancId="PBLN_000000000100002", pblancNm="둘째 공고")
    content = json.dumps({"jsonArray": [BIZINFO_ITEM, second]}, ensure_ascii=False, indent=2)
    parsed = parse("api.json", content)
    assert parsed.format == BIZINFO_JSON
    assert [r.source_id for r in parsed.records] == ["PBLN_000000000100001", "PBLN_000000000100002"]
    first = parsed.records[0]
    assert first.title == "2025년 구미시 수출기업 지원사업 공고"
    assert first.text == "수출 중소기업 지원 사업\n\n☞ 해외 전시회"
    assert first.fields["jrsdInsttNm"] == "경상북도 구미시"
    assert first.fields["reqstBeginEndDe"] == "2025-01-02 ~ 2025-02-28"
    assert "alert" not in first.fields["bsnsSumryCn"]
    assert first.published_on == date(2025, 1, 2)
    # raw is the item's text exactly as in the file
    assert first.raw in content
    assert json.loads(first.raw) == BIZINFO_ITEM


def test_bizinfo_json_without_id_fails_that_record_only():
    bad = {k: v for k, v in BIZINFO_ITEM.items() if k != "pblancId"}
    parsed = parse("api.json", json.dumps({"jsonArray": [bad, BIZINFO_ITEM]}, ensure_ascii=False))
    assert "pblancId" in parsed.records[0].error
    assert parsed.records[1].error == ""


def test_malformed_json_is_one_failed_record_keeping_the_file():
    content = '{"jsonArray": [{"pblancId": "PBLN_1", '
    parsed = parse("broken.json", content)
    assert parsed.format == BIZINFO_JSON
    assert len(parsed.records) == 1
    assert parsed.records[0].error.startswith("malformed JSON")
    assert parsed.records[0].raw == content


def test_bizinfo_csv_with_bom():
    content = (
        "\ufeffid,title,link,author,excInsttNm,lcategory,pubDate,apply_start,apply_end,trgetNm,description\n"
        'PBLN_1,"[경기] 안산시 창업 지원",/v?id=1,경기도,안산시,창업,2025-05-30,2025-06-01,2025-06-30,'
        '중소기업,"<p>안산 <b>창업</b> 기업</p><script>bad()</script>"\n'
    )
    parsed = parse("export.csv", content)
    assert parsed.format == BIZINFO_CSV
    record = parsed.records[0]
    assert record.source_id == "PBLN_1"
    assert record.title == "[경기] 안산시 창업 지원"
    assert record.fields["author"] == "경기도"
    assert record.fields["apply_end"] == "2025-06-30"
    assert record.text == "안산 창업 기업"
    assert record.published_on == date(2025, 5, 30)
    assert json.loads(record.raw)["description"].startswith("<p>안산")


KSTARTUP_HEADER = (
    "year,section,type,no,title,summary,support,target,budget_eok,notice_raw,pub_month,ministry,"
    "operator,note,apply_start,apply_end,amount_min,amount_max\n"
)


def test_kstartup_headers_carry_category_and_count_in_row_index():
    content = KSTARTUP_HEADER + (
        "2024.0,중앙부처,,◇ 사업화 (34건),,,,,,,,,,,2024-01-01,2024-12-31,0.0,0.0\n"
        "2024.0,중앙부처,,1.0,ㆍ예비창업패키지,예비창업자 사업화 지원,① 사업화자금,예비창업자,"
        "629.77,24.1월말,2024-01-01,중기부,창업진흥원,,2024-01-01,2024-01-31,1.0,2.0\n"
        "2024.0,중앙부처,,◇ 기술개발(R&D) (5건),,,,,,,,,,,2024-01-01,2024-12-31,0.0,0.0\n"
        "2024.0,중앙부처,,1.0,ㆍ창업성장기술개발,기술개발 지원,① R&D,창업기업,10,,,중기부,기정원,,,,,\n"
    )
    parsed = parse("startup.csv", content)
    assert parsed.format == KSTARTUP_CSV
    assert [r.source_id for r in parsed.records] == ["kstartup2024:1", "kstartup2024:3"]
    first, second = parsed.records
    assert first.title == "예비창업패키지"
    assert first.fields["category"] == "사업화"
    assert second.fields["category"] == "기술개발(R&D)"
    assert "예비창업자 사업화 지원" in first.text


def test_kstartup_row_without_number_continues_the_row_above():
    # A cell that wrapped in the source PDF: the name and the text go on in a row with no number.
    content = KSTARTUP_HEADER + (
        "2024.0,지방자치단체,,◇ 시설·공간·보육 (2건),,,,,,,,,,,2024-01-01,2024-12-31,0.0,0.0\n"
        "2024.0,지방자치단체,,97.0,ㆍ목포시,창업자에 필요한,경영지원,센터 입주기업,0.3,24.3월,2024-03-01,"
        "목포시,목포대학교,,2024-03-01,2024-03-31,1.0,1.0\n"
        "2024.0,지방자치단체,,,중소기업 창업보육센터 지원사업,사업화지원,기술지원,(3년 이내 창업기업),,,,"
        "(지역경제 과),,,2024-01-01,2024-12-31,0.0,0.0\n"
        "2024.0,지방자치단체,,,2024.0,공간 제공,,,,,,,,,,,,\n"
        "2024.0,지방자치단체,,98.0,ㆍ창업키움센터,입주 공간,,,,,,,,,,,,\n"
    )
    parsed = parse("startup.csv", content)
    assert [r.source_id for r in parsed.records] == ["kstartup2024:1", "kstartup2024:4"]
    merged = parsed.records[0]
    assert merged.title == "목포시 중소기업 창업보육센터 지원사업"  # the stray '2024.0' is not part of it
    assert "창업자에 필요한 사업화지원 공간 제공" in merged.text
    assert "센터 입주기업 (3년 이내 창업기업)" in merged.text
    assert merged.fields["category"] == "시설·공간·보육"


def test_kstartup_cells_lose_the_spaces_a_line_wrap_left_inside_words():
    # Narrow PDF cells wrapped '창업콘테스트' and '문화체육관광부' onto a second line.
    content = KSTARTUP_HEADER + (
        "2024.0,중앙부처,,◇ 행사ㆍ네트워크 (1건),,,,,,,,,,,2024-01-01,2024-12-31,0.0,0.0\n"
        "2024.0,중앙부처,,1.0,ㆍ관광 창업콘테스 트,관광 분야 예비창업자 발굴,상금,"
        "예비창업자(팀)/창 업 1년 이내 기업,1,,,문화체육관 광부 (관광산업 정책과),한국관광공사,,,,,\n"
    )
    record = parse("startup.csv", content).records[0]
    assert record.title == "관광 창업콘테스트"
    assert record.fields["ministry"] == "문화체육관광부 (관광산업 정책과)"
    assert "예비창업자(팀)/창업 1년 이내 기업" in record.text
    assert json.loads(record.raw)["title"] == "ㆍ관광 창업콘테스 트"  # the source stays as it came


def test_kstartup_record_rebuilt_from_raw_keeps_its_category():
    content = KSTARTUP_HEADER + (
        "2024.0,중앙부처,,◇ 사업화 (1건),,,,,,,,,,,2024-01-01,2024-12-31,0.0,0.0\n"
        "2024.0,중앙부처,,1.0,ㆍ예비창업패키지,예비창업자 사업화 지원,,,,,,중기부,창업진흥원,,,,,\n"
    )
    record = parse("startup.csv", content).records[0]
    rebuilt = parse_raw(format=KSTARTUP_CSV, raw=record.raw, origin=record.origin, source_id=record.source_id)
    assert (rebuilt.title, rebuilt.text, rebuilt.source_id) == (record.title, record.text, record.source_id)
    assert rebuilt.fields["category"] == "사업화"


def test_kstartup_sample_file_first_program_is_row_one():
    parsed = parse("startup_programs_2024.csv", (SAMPLES / "kstartup/startup_programs_2024.csv").read_bytes())
    assert parsed.records[0].source_id == "kstartup2024:1"
    assert parsed.records[0].title == "민관공동창업자 발굴육성사업"
    assert all(r.fields["category"] for r in parsed.records)
    assert not any(r.error for r in parsed.records)


def test_fulltext_jsonl_merges_on_pblancid_and_bad_line_fails_alone():
    good = {
        "key": "bizinfo_PBLN_000000000117953",
        "id": "bizinfo_PBLN_000000000117953",
        "title": "무료 수출컨설팅 공고",
        "deadline": "",
        "agency": "산업통상부 / KOTRA",
        "url": "https://www.bizinfo.go.kr/x",
        "structured_excerpt": {
            "pblancNm": "무료 수출컨설팅 공고",
            "bsnsSumryCn": "<p>전국 중소기업</p>",
            "trgetNm": "중소기업",
            "reqstMthPapersCn": "온라인 접수",
        },
        "pdf_text": "# 사업개요\n\n- 지원대상 : 전국 중소기업",
    }
    line = json.dumps(good, ensure_ascii=False)
    parsed = parse("notices.jsonl", line + "\n{not json\n" + line.replace("117953", "117954") + "\n")
    assert parsed.format == FULLTEXT_JSONL
    assert len(parsed.records) == 3
    assert parsed.records[0].source_id == "PBLN_000000000117953"
    assert parsed.records[0].raw == line
    assert parsed.records[0].fields["reqstMthPapersCn"] == "온라인 접수"
    assert "지원대상 : 전국 중소기업" in parsed.records[0].text
    assert parsed.records[1].error.startswith("malformed JSON")
    assert parsed.records[1].raw == "{not json"
    assert parsed.records[2].error == ""


@pytest.mark.parametrize(
    ("path", "fmt", "count"),
    [
        ("bizinfo/bizinfo_api_2024-12_2025-05.json", BIZINFO_JSON, 881),
        ("bizinfo/bizinfo_2024-12_2025-05.csv", BIZINFO_CSV, 881),
        ("kstartup/startup_programs_2024.csv", KSTARTUP_CSV, 344),
        ("fulltext/bizinfo_fulltext_sample.jsonl", FULLTEXT_JSONL, 90),
        ("seeds/000_7fd8159060358e1e.txt", TEXT, 1),
    ],
)
def test_sample_files_detected_and_parsed(path, fmt, count):
    file = SAMPLES / path
    parsed = parse_file(name=file.name, content=file.read_bytes(), max_bytes=20 * CAP)
    assert parsed.format == fmt
    assert len(parsed.records) == count
    assert not [r.error for r in parsed.records if r.error]


def test_forced_format_overrides_detection():
    parsed = parse("notes.txt", "<p>태그처럼 보이는 텍스트</p>", format=TEXT)
    assert parsed.format == TEXT
    assert parsed.records[0].text == "<p>태그처럼 보이는 텍스트</p>"
    with pytest.raises(FormatError, match="unknown format"):
        parse("x.txt", "본문", format="excel")


def test_malformed_csv_row_fails_alone():
    content = (
        "id,title,author,description\n"
        "PBLN_1,첫 공고,중기부,<p>본문</p>\n"
        "PBLN_2,열이 모자란 행\n"
        "PBLN_3,셋째 공고,중기부,<p>본문</p>\n"
    )
    records = parse("rows.csv", content).records
    assert [bool(r.error) for r in records] == [False, True, False]
    assert "2 fields, the header has 4" in records[1].error
    assert json.loads(records[1].raw) == ["PBLN_2", "열이 모자란 행"]


def test_empty_file_rejected():
    with pytest.raises(FormatError, match="empty"):
        parse("empty.txt", b"")
    with pytest.raises(FormatError, match="empty"):
        parse("blank.txt", b" \n\t\n")


def test_binary_file_rejected():
    with pytest.raises(FormatError, match="binary"):
        parse("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_bytes_rejected():
    with pytest.raises(FormatError, match="undecodable"):
        decode_bytes(b"\xff\xff\xfe\x80\x80\x80 abc")


def test_cp949_text_is_converted_and_reported():
    text = "경주시는 내년에 중소기업 수출을 지원한다."
    parsed = parse("euckr.txt", text.encode("cp949"))
    assert parsed.encoding == "cp949"
    assert parsed.notes == ["converted from CP949 to UTF-8"]
    assert parsed.records[0].text == text


def test_euc_kr_csv_is_converted():
    content = KSTARTUP_HEADER + "2024,중앙부처,,1,ㆍ초기창업패키지,사업화 지원,,,,,,중기부,창업진흥원,,,,,\n"
    parsed = parse("startup.csv", content.encode("euc-kr"))
    assert parsed.format == KSTARTUP_CSV
    assert parsed.notes == ["converted from CP949 to UTF-8"]
    assert parsed.records[0].title == "초기창업패키지"
    assert parsed.records[0].source_id == "kstartup2024:0"


def test_oversized_file_rejected_before_parsing():
    with pytest.raises(FormatError, match="too large: 2,102 bytes, the limit is 1,024"):
        parse("big.txt", "가" * 700 + "a" * 2, max_bytes=1024)


def test_reference_csv_is_not_an_announcement():
    content = "법정동코드,법정동명,시도,시군구,읍면동,level\n1100000000,서울특별시,서울특별시,,,sido\n"
    with pytest.raises(FormatError, match="not an announcement format"):
        parse("legal_dong_codes.csv", content)


def test_json_without_records_is_not_an_announcement():
    with pytest.raises(FormatError, match="not an announcement format"):
        parse("other.json", '{"items": 3}')


def test_parse_raw_rebuilds_a_record():
    raw = json.dumps(BIZINFO_ITEM, ensure_ascii=False)
    record = parse_raw(format=BIZINFO_JSON, raw=raw, origin="api.json#0")
    assert record.source_id == "PBLN_000000000100001"
    assert record.raw == raw
    assert parse_raw(format=BIZINFO_JSON, raw="{oops", origin="x").error.startswith("malformed JSON")
