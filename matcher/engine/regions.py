"""Korean administrative regions: the 시도 → 시군구 hierarchy, typed-location
resolution and region mentions in announcement text.

Plain Python (no Django) so extraction and eligibility can be tested and
benchmarked alone. The table is derived from 법정동코드 (see
``scripts/build_reference.py``).

Regions stop at the city: '수원시 장안구' is the sigungu '수원시' with the district
kept beside it (``Location.district``), because notices address cities. The rare
program limited to one 구 of such a city keeps that as a limit of its own
(``ProgramFacts.district_limits``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "regions.json"
AREAS_PATH = DATA_PATH.with_name("areas.json")
# The compass words of sub-provincial areas ('경기 북부', '[경북] 북부 …'); '북부권' and '북부 지역' too.
_COMPASS = r"(?:북부|남부|동부|서부)"
_AREA_WORD = rf"({_COMPASS})(?:권|\s?지역)?"
# '경기 남부·북부' names two areas of one 시도.
_AREA_LIST = rf"({_COMPASS}(?:\s?(?:[·ㆍ,/]|및|와|과)\s?{_COMPASS})*)(?:권|\s?지역)?"

HANGUL = "가-힣"
# 수도권 (the capital area, 수도권정비계획법): programs limited to 비수도권 firms exclude these.
CAPITAL_AREA = ("서울특별시", "인천광역시", "경기도")
# The broad areas (권역) notices name as where applicants must be ('동남권 소재 중소기업'), as they are
# commonly drawn; a notice that spells one out ('동남권(부산ㆍ울산ㆍ경남)') is read as it says instead.
BROAD_AREAS = {
    "수도권": CAPITAL_AREA,
    "동남권": ("부산광역시", "울산광역시", "경상남도"),
    "대경권": ("대구광역시", "경상북도"),
    "영남권": ("부산광역시", "대구광역시", "울산광역시", "경상남도", "경상북도"),
    "호남권": ("광주광역시", "전라남도", "전북특별자치도"),
    "충청권": ("대전광역시", "세종특별자치시", "충청남도", "충청북도"),
    "강원권": ("강원특별자치도",),
    "제주권": ("제주특별자치도",),
}
# How a named site ends: industrial complexes ('구미국가산업단지', '남동산단', '구미5공단'), campuses.
PLACE_SUFFIX = (
    r"(?:국가산업단지|일반산업단지|도시첨단산업단지|농공단지|산업단지|산단|공단"
    r"|테크노밸리|테크노파크|연구단지|혁신도시|연구단)"
)
# A site named after its city: the stem, then optionally the complex's number ('구미5공단').
_SITE_OF_CITY = re.compile(rf"^([{HANGUL}]{{2,}}?)\d*{PLACE_SUFFIX}$")
# After a short or stem-only place name, these show the word really is a place.
_PLACE_CONTEXT = (
    r"(?:\s?(?:소재|지역|관내|내\s|권역|권\b|시민|군민|구민|주민|산단|산업단지|국가산업단지|일반산업단지|"
    r"공단|\d+공단|\d+산단|\d*\s?(?:국가|일반)\s?산단|테크노|혁신도시|에\s?소재|에\s?(?:본사|사업장|주소)))"
)
# The kind at the end of an industrial complex's name, in its long and short forms.
_SITE_KIND = re.compile(r"(?:(?:국가|일반|도시첨단)?(?:산업단지|산단)|공단|농공단지)$")
# Words that stand where a complex's own name would, yet name none ('연계산단', '인근 산업단지').
_NO_SITE_NAME = frozenset(
    {"연계", "인근", "인접", "주변", "관내", "지역", "해당", "기타", "도내", "국내", "각", "타"}
)
_AREA_ENDINGS = ("지역", "관내", "권", "권역", "인근", "일대", "소재")
# The next member of a list of places: ', 의성' in '안동, 의성, 청송 …'.
_LIST_MEMBER = re.compile(r"\s?[,ㆍ·]\s?([가-힣]{2,5})")


def site_key(name: str) -> str | None:
    """An industrial complex's own name without its kind, so the forms a notice and an owner use
    compare equal: '광양국가산단' and '광양 국가산업단지' → '광양', '구미5공단' → '구미5'.

    None when ``name`` is not a complex; '' when it names only a kind ('농공단지', '연계산단').
    """
    stem = _complex_stem(name)
    if stem is None:
        return None
    # '춘천지역 산업단지', '경북권 산단': any complex of an area.
    return "" if stem in _NO_SITE_NAME or stem.endswith(_AREA_ENDINGS) else stem


def _complex_stem(name: str) -> str | None:
    """What comes before a complex's kind ('광양국가산단' → '광양', '춘천지역 산업단지' → '춘천지역'),
    or None when ``name`` names no complex."""
    squashed = re.sub(r"\s+", "", name or "")
    kind = _SITE_KIND.search(squashed)
    return squashed[: kind.start()] if kind else None


# Designated zones that are no industrial complex ('충북경제자유구역', '대덕연구개발특구', '창업보육센터'):
# applicants may have to be in one, but a zone may hold complexes, so a firm's complex never rules it out.
ZONE_KINDS = (
    "경제자유구역",
    "특구",  # 연구개발특구, 기회발전특구, 규제자유특구
    "투자진흥지구",
    "융복합단지",
    "혁신도시",
    "집적지",
    "창업보육센터",
    "창업센터",
    "지식산업센터",
    "자유무역지역",
)
_ZONE_KIND = re.compile(rf"(?:{'|'.join(ZONE_KINDS)})$")


def is_zone(name: str) -> bool:
    """Whether ``name`` is a designated zone rather than one industrial complex: a zone of a kind above, or
    any complex of an area ('춘천지역 산업단지'), which no firm's complex name can be compared with either."""
    if _ZONE_KIND.search(re.sub(r"\s+", "", name or "")):
        return True
    stem = _complex_stem(name) or ""
    return len(stem) > 2 and stem not in _NO_SITE_NAME and stem.endswith(_AREA_ENDINGS)


def same_site(a: str, b: str) -> bool:
    """Whether two complex keys name the same complex; a numbered block belongs to its complex
    ('구미' and '구미5': 구미국가산업단지 has five)."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    rest = long[len(short) :]
    return long.startswith(short) and (not rest or rest.isdigit())


@dataclass(frozen=True, order=True)
class Region:
    """A 시도, or a 시군구 inside it when ``sigungu`` is set. Immutable and hashable."""

    sido: str
    sigungu: str | None = None

    def contains(self, other: Region) -> bool:
        """True when a program limited to ``self`` admits a firm located in ``other``."""
        if self.sido != other.sido:
            return False
        return self.sigungu is None or self.sigungu == other.sigungu

    @property
    def label(self) -> str:
        return f"{self.sido} {self.sigungu}" if self.sigungu else self.sido

    def as_dict(self) -> dict[str, str | None]:
        return {"sido": self.sido, "sigungu": self.sigungu}

    @classmethod
    def from_dict(cls, data: dict) -> Region:
        return cls(sido=data["sido"], sigungu=data.get("sigungu") or None)


@dataclass(frozen=True)
class Location:
    """Where a firm is: a region plus, optionally, the 읍면동, the full district and a place name."""

    region: Region
    district: str | None = None  # '수원시 장안구' when the input named the 구 of a city
    town: str | None = None  # 읍면동
    place: str | None = None  # an industrial complex or similar, as typed

    @property
    def label(self) -> str:
        # The site as typed too, so the owner sees '구미국가산업단지' was read as 경상북도 구미시.
        parts = [self.region.sido, self.district or self.region.sigungu, self.town, self.place]
        return " ".join(p for p in parts if p)

    @property
    def site(self) -> str:
        """The industrial complex the firm is in, as a ``site_key`` ('광양'), or '' when none was typed.
        A kind alone after the city ('광양시 국가산단', '구미시 3공단') is that city's complex."""
        words = (self.place or "").split()
        # The complex may come with more of the address ('구미국가산업단지 3단지', '센텀시티 일반산업단지').
        candidates = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] + words
        key = next((k for k in map(site_key, candidates) if k is not None), None)
        if key is None:
            return ""
        if (not key or key.isdigit()) and self.region.sigungu:
            # '구미시 3공단' is 구미's third block.
            key = re.sub(r"(?<=..)[시군구]$", "", self.region.sigungu.split()[0]) + key
        return key


@dataclass(frozen=True)
class RegionMention:
    region: Region
    start: int
    end: int
    text: str
    strong: bool = True  # a full official name rather than a bare stem


@dataclass
class Gazetteer:
    """Lookup tables for the 17 시도, their 시군구 and 읍면동."""

    sido_short: dict[str, str]
    sido_former: dict[str, str]
    sigungu: dict[str, list[str]]
    towns: dict[str, dict[str, list[str]]]
    ambiguous_stems: set[str]
    # 시도 → area name ('북부') → its cities: limits notices state below the 시도 (areas.json).
    areas: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    _sido_alias: dict[str, str] = field(init=False, repr=False)
    _city_by_name: dict[str, list[tuple[str, str, str]]] = field(init=False, repr=False)
    _city_by_stem: dict[str, list[tuple[str, str]]] = field(init=False, repr=False)
    _mention_re: re.Pattern = field(init=False, repr=False)
    _area_re: re.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sido_alias = {}
        for full, short in self.sido_short.items():
            self._sido_alias[full] = full
            self._sido_alias[short] = full
        for former, full in self.sido_former.items():
            self._sido_alias[former] = full
        # Common informal forms: '경상북도' → also '경북도'? no; '서울시', '부산시' are common.
        for full, short in self.sido_short.items():
            if full.endswith(("특별시", "광역시", "특별자치시")):
                self._sido_alias[short + "시"] = full
        self._city_by_name = {}
        self._city_by_stem = {}
        for sido, names in self.sigungu.items():
            for name in names:
                city = name.split(" ")[0]
                # name may be '수원시 장안구': index both the full district and the city.
                self._city_by_name.setdefault(name, []).append((sido, city, name))
                if name != city:
                    district = name.split(" ")[1]
                    self._city_by_name.setdefault(district, []).append((sido, city, name))
                stem = city[:-1]
                if len(stem) >= 2 and (sido, city) not in self._city_by_stem.get(stem, []):
                    self._city_by_stem.setdefault(stem, []).append((sido, city))
        names = sorted(
            set(self._sido_alias) | set(self._city_by_name) | set(self._city_by_stem),
            key=len,
            reverse=True,
        )
        alternation = "|".join(re.escape(n) for n in names)
        # A place name starts a word: not preceded by another Hangul syllable.
        self._mention_re = re.compile(rf"(?<![{HANGUL}])({alternation})")
        for sido, areas in self.areas.items():
            for name, cities in areas.items():
                unknown = [c for c in cities if not self.is_valid(Region(sido, c))]
                if unknown:
                    raise ValueError(f"area {sido} {name}: unknown cities {unknown}")
        area_sidos = "|".join(
            re.escape(alias) for alias, sido in self._sido_alias.items() if sido in self.areas
        )
        self._area_re = (
            re.compile(rf"(?<![{HANGUL}])({area_sidos})\s?{_AREA_LIST}(?![{HANGUL}])")
            if area_sidos
            else re.compile(r"(?!)")  # no areas known: nothing matches
        )

    # -- construction --------------------------------------------------------
    @classmethod
    def from_file(cls, path: Path = DATA_PATH, areas_path: Path = AREAS_PATH) -> Gazetteer:
        data = json.loads(path.read_text(encoding="utf-8"))
        areas = json.loads(areas_path.read_text(encoding="utf-8"))["areas"]
        return cls(
            sido_short=data["sido_short"],
            sido_former=data["sido_former"],
            sigungu={k: [n for n in v if n] for k, v in data["sigungu"].items()},
            towns=data["eupmyeondong"],
            ambiguous_stems=set(data["ambiguous_stems"]),
            areas=areas,
        )

    # -- simple lookups ------------------------------------------------------
    @property
    def sidos(self) -> list[str]:
        return list(self.sido_short)

    def short_name(self, sido: str) -> str:
        return self.sido_short.get(sido, sido)

    def cities(self, sido: str) -> list[str]:
        """The city-level 시군구 of a 시도, in table order ('수원시', not '수원시 장안구')."""
        seen: list[str] = []
        for name in self.sigungu.get(sido, []):
            city = name.split(" ")[0]
            if city not in seen:
                seen.append(city)
        return seen

    def districts(self, sido: str, city: str) -> list[str]:
        """A city's 일반구 in full ('전주시' → ['전주시 완산구', '전주시 덕진구']); [] for a city without."""
        return [name for name in self.sigungu.get(sido, []) if name.startswith(f"{city} ")]

    def parse_sido(self, token: str) -> str | None:
        """'경북', '경상북도', '강원도' → the official 시도 name; None when not a 시도."""
        return self._sido_alias.get(token.strip())

    def is_valid(self, region: Region) -> bool:
        if region.sido not in self.sido_short:
            return False
        return region.sigungu is None or region.sigungu in self.cities(region.sido)

    def area(self, sido: str, name: str) -> list[Region]:
        """The cities of a known area of a 시도 ('경기도', '북부'); [] when the area is not known."""
        return [Region(sido, city) for city in self.areas.get(sido, {}).get(name, [])]

    def find_areas(self, text: str, *, followed_by: re.Pattern | None = None) -> list[Region]:
        """Cities of the known areas a text names: '2025 경기북부 K콘텐츠', '경기 남부 중소기업'.

        With ``followed_by``, only mentions the pattern matches right after count. Naming every
        area of a 시도 ('경기 남부·북부 기업') limits nothing and gives the 시도 itself.
        """
        found: dict[str, set[str]] = {}
        for match in self._area_re.finditer(text or ""):
            if followed_by and not followed_by.match(text, match.end()):
                continue
            sido = self.parse_sido(match.group(1))
            if sido:
                found.setdefault(sido, set()).update(re.findall(_COMPASS, match.group(2)))
        regions: list[Region] = []
        for sido, names in found.items():
            cities = [r for name in sorted(names) for r in self.area(sido, name)]
            if not cities:
                continue
            regions.extend([Region(sido)] if len(set(cities)) >= len(self.cities(sido)) else cities)
        return regions

    def left_out(self, regions: list[Region]) -> list[str]:
        """For whole 시도 covering all but a few (at most the capital area's three), the short names
        of those left out, the capital area first as Koreans list it ('서울', '경기'); else []."""
        whole_sidos = {r.sido for r in regions if r.sigungu is None}
        if len(whole_sidos) != len(regions):
            return []
        order = [*CAPITAL_AREA, *self.sidos]
        missing = sorted((s for s in self.sidos if s not in whole_sidos), key=order.index)
        return [self.short_name(s) for s in missing] if 0 < len(missing) <= len(CAPITAL_AREA) else []

    def labels(self, regions: list[Region]) -> list[str]:
        """Display labels, a whole known area as one: '경기도 북부 (고양시·의정부시·…)', '경상북도 구미시';
        most of the country as what it leaves out: '전국 (서울·경기 제외)'."""
        missing = self.left_out(regions)
        if missing:
            return [f"전국 ({'·'.join(missing)} 제외)"]
        whole: dict[Region, str] = {}
        for sido, areas in self.areas.items():
            cities = {r.sigungu for r in regions if r.sido == sido and r.sigungu}
            for name, members in areas.items():
                if set(members) <= cities:
                    label = f"{sido} {name} ({'·'.join(members)})"
                    whole.update({Region(sido, city): label for city in members})
        labels: list[str] = []
        for region in regions:
            label = whole.get(region, region.label)
            if label not in labels:
                labels.append(label)
        return labels

    def _city_candidates_of(self, word: str) -> list[tuple[str, str, str]]:
        """(시도, city, district) a typed word may mean: a 시군구 name, else a bare stem ('구미')."""
        named = self._city_by_name.get(word, [])
        return named or [(s, c, c) for s, c in self._city_by_stem.get(word, [])]

    def site_city(self, key: str, sido: str) -> Region | None:
        """The city of ``sido`` an industrial complex is named after ('광양' → 광양시, '군산2' → 군산시), or
        None. A complex named after a 읍면동 is not placed by it: '반월국가산업단지' lies in 안산시, while the
        반월동 of 경기도 is in 화성시."""
        stem = re.sub(r"\d+$", "", key or "")
        cities = [r for r in self.city_candidates(stem) if r.sido == sido] if len(stem) >= 2 else []
        return cities[0] if len(cities) == 1 else None

    def city_candidates(self, name: str) -> list[Region]:
        """All regions a 시군구 name or bare stem may mean ('중구' → six cities' 중구)."""
        hits = {Region(sido, city) for sido, city, _ in self._city_by_name.get(name, [])}
        if not hits:
            hits = {Region(sido, city) for sido, city in self._city_by_stem.get(name, [])}
        return sorted(hits)

    # -- typed locations -----------------------------------------------------
    def resolve(self, text: str) -> Location | None:
        """Resolve what a person types as a location: '경북 구미시 공단동', '구미', '경상북도', '서울 관악구'.

        Returns None when the text names no known region or is ambiguous without a 시도
        ('중구' alone). The whole input is taken as a location, so bare stems resolve.
        """
        cleaned = re.sub(r"[(),·ㆍ/]+", " ", text or "").strip()
        if not cleaned:
            return None
        words = cleaned.split()
        sido: str | None = None
        index = 0
        if (words and (parsed := self.parse_sido(words[0]))) or (
            words
            and len(words[0]) > 2
            and (parsed := self.parse_sido(words[0][:2]))
            and words[0][2:]
            in (
                "도",
                "시",
            )
        ):
            sido, index = parsed, 1
        rest = words[index:]
        if not rest:
            return Location(Region(sido)) if sido else None
        candidates: list[tuple[str, str, str]] = []
        consumed = 0
        # Try '수원시 장안구' (two words), then one word, then a bare stem.
        if len(rest) >= 2:
            candidates = self._city_by_name.get(f"{rest[0]} {rest[1]}", [])
            consumed = 2 if candidates else 0
        if not candidates:
            candidates = self._city_candidates_of(rest[0])
            consumed = 1 if candidates else 0
        # An industrial complex named after its city: '구미국가산업단지', '남동산단', '창원1공단'.
        site = _SITE_OF_CITY.match(rest[0])
        if not candidates and site:
            candidates = self._city_candidates_of(site.group(1))
            consumed = 1 if candidates else 0
        if sido:
            candidates = [c for c in candidates if c[0] == sido]
        if not candidates:
            place = " ".join(rest) if site else None
            # '세종시' is the 시도 itself; a lone 시도 with an unknown remainder is still that 시도,
            # and so is a complex named after one ('대구국가산업단지').
            if sido is None and (parsed := self.parse_sido(site.group(1) if site else rest[0])):
                return Location(Region(parsed), place=place)
            return Location(Region(sido), place=place) if sido else None
        distinct = {(s, c) for s, c, _ in candidates}
        if len(distinct) > 1:
            return None
        found_sido, city, district = candidates[0]
        after = rest[consumed:]
        town = None
        place = None
        if site and consumed == 1 and rest[0] == site.group(0):
            place, after = " ".join(rest), []
        if after:
            towns = self.towns.get(found_sido, {}).get(city, [])
            if after[0] in towns:
                town = after[0]
                after = after[1:]
            if after:
                place = " ".join(after)
        return Location(
            Region(found_sido, city),
            district=district if district != city else None,
            town=town,
            place=place,
        )

    # -- mentions in text ----------------------------------------------------
    def find_mentions(self, text: str) -> list[RegionMention]:
        """Region names in running text, in order.

        Full official names ('구미시', '경상북도') always count. Short 시도 names
        ('경북') count when they stand as a word. Bare 시군구 stems ('구미') count only
        in a geographic context ('구미 소재', '구미5공단') or in a list with other
        places ('경주, 경산, 포항, 구미 등'), and stems that are ordinary words
        ('예산', '양산') need an explicit context.
        """
        mentions: list[RegionMention] = []
        for match in self._mention_re.finditer(text):
            name = match.group(1)
            start, end = match.span(1)
            following = text[end : end + 12]
            if name in self._sido_alias:
                full = self._sido_alias[name]
                is_short = name != full and not name.endswith(("도", "시"))
                if is_short and not _stands_alone(following):
                    continue
                mentions.append(RegionMention(Region(full), start, end, name, strong=not is_short))
                continue
            if name in self._city_by_name:
                entries = self._city_by_name[name]
                if not name.endswith(("시", "군", "구")) or _continues_word(following):
                    continue
                regions = sorted({Region(s, c) for s, c, _ in entries})
                region = self._disambiguate(regions, mentions)
                if region is not None:
                    mentions.append(RegionMention(region, start, end, name, strong=True))
                continue
            # A bare stem such as '구미'.
            stems = self._city_by_stem.get(name, [])
            context = bool(re.match(_PLACE_CONTEXT, following)) or self._list_ends_in_place(text, end)
            listed = _in_place_list(text, start, end)
            if name in self.ambiguous_stems and not context:
                continue
            if not (context or listed or _stands_alone(following, strict=True)):
                continue
            regions = sorted({Region(s, c) for s, c in stems})
            region = self._disambiguate(regions, mentions)
            if region is not None:
                mentions.append(RegionMention(region, start, end, name, strong=False))
        return _drop_listed_stems_without_anchor(mentions, text, self._list_ends_in_place)

    def _list_ends_in_place(self, text: str, end: int) -> bool:
        """Whether the name ending at ``end`` opens a list of place names whose last member is followed
        by a place word: '안동, 의성, 청송, 영양, 영덕 내 … 기업' (each member shares that context)."""
        position = end
        while True:
            member = _LIST_MEMBER.match(text, position)
            if not member or not (
                member.group(1) in self._city_by_stem
                or member.group(1) in self._city_by_name
                or member.group(1) in self._sido_alias
            ):
                break
            position = member.end()
        return position > end and bool(re.match(_PLACE_CONTEXT, text[position : position + 12]))

    def _disambiguate(self, regions: list[Region], earlier: list[RegionMention]) -> Region | None:
        if len(regions) == 1:
            return regions[0]
        # Prefer the 시도 named most recently before this mention ('부산 중구').
        for mention in reversed(earlier):
            same = [r for r in regions if r.sido == mention.region.sido]
            if len(same) == 1:
                return same[0]
        return None

    def parse_title_prefix(self, title: str) -> tuple[list[Region], bool, str]:
        """Read a Bizinfo title prefix: '[대구ㆍ경북] …' → (regions, nationwide, rest of title).

        A city right after the prefix ('[경기] 안산시 …') narrows the region to that city, and a known
        area ('[경기] 북부 …') to the area's cities.
        """
        match = re.match(r"^\s*[\[［【]([^\]］】]{1,40})[\]］】]\s*", title or "")
        if not match:
            return [], False, (title or "").strip()
        inner = match.group(1)
        rest = title[match.end() :].strip()
        parts = [p.strip() for p in re.split(r"[ㆍ·,/\s]+", inner) if p.strip()]
        if any(p == "전국" for p in parts):
            return [], True, rest
        regions: list[Region] = []
        for part in parts:
            sido = self.parse_sido(part)
            if sido:
                regions.append(Region(sido))
                continue
            area = BROAD_AREAS.get(re.sub(r"역$", "", part))  # '[동남권]', '[충청권역]'
            if area:
                regions.extend(Region(s) for s in area if Region(s) not in regions)
                continue
            cities = [r for r in self.city_candidates(part)]
            if len(cities) == 1:
                regions.append(cities[0])
        if len(regions) == 1 and regions[0].sigungu is None:
            # The cities leading the title, one or a list: '[경기] 안산시ㆍ시흥시 …' → both.
            city = rf"[{HANGUL}]+(?:시|군|구)"
            lead = re.match(rf"{city}(?:\s?[ㆍ·,]\s?{city})*(?![{HANGUL}])", rest)
            if lead:
                narrowed = []
                for name in re.split(r"\s?[ㆍ·,]\s?", lead.group(0)):
                    found = [r for r in self.city_candidates(name) if r.sido == regions[0].sido]
                    if len(found) != 1:
                        narrowed = []
                        break
                    narrowed.append(found[0])
                if narrowed:
                    regions = narrowed
            area = re.match(rf"{_AREA_WORD}\s", rest)
            if area and (cities := self.area(regions[0].sido, area.group(1))):
                regions = cities
        return regions, False, rest


def _stands_alone(following: str, strict: bool = False) -> bool:
    """Whether a name is a word of its own: followed by a space, punctuation or a particle."""
    if not following:
        return True
    first = following[0]
    if not re.match(f"[{HANGUL}]", first):
        return True
    if strict:
        return bool(re.match(r"(?:시|군|에서|에|의|지역|소재|내)(?![가-힣])", following))
    return bool(
        re.match(
            r"(?:은|는|이|가|을|를|의|에|에서|와|과|도|및|지역|소재|권|내|시|지원|형|특화|소재지)(?![가-힣])",
            following,
        )
        or re.match(r"(?:지역|소재|권역|관내)", following)
    )


def _continues_word(following: str) -> bool:
    """'구미시장' (market/mayor) continues the word; '구미시는' does not."""
    return bool(re.match(r"(?:장|청|의회|정|민|립|설|책|내버스)(?![는이가을를의에])", following))


def _in_place_list(text: str, start: int, end: int) -> bool:
    """A name inside an enumeration such as '경주, 경산, 포항, 구미 등'."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 3]
    return bool(re.search(r"[,ㆍ·]\s?$", before) or re.match(r"\s?[,ㆍ·]|\s?등", after))


def _drop_listed_stems_without_anchor(
    mentions: list[RegionMention], text: str, list_ends_in_place: Callable[[str, int], bool]
) -> list[RegionMention]:
    """Keep a list of bare stems only when at least one of them has a geographic anchor.

    '경주, 경산, 포항, 구미 등 연관기업' is a place list because 경주 (the article's
    city) is named elsewhere in full; a list of unrelated words is not.
    """
    strong_regions = {m.region for m in mentions if m.strong}
    strong_sidos = {m.region.sido for m in mentions if m.strong}
    kept = []
    for mention in mentions:
        if mention.strong:
            kept.append(mention)
            continue
        anchored = mention.region in strong_regions or mention.region.sido in strong_sidos
        following = text[mention.end : mention.end + 12]
        if anchored or re.match(_PLACE_CONTEXT, following) or list_ends_in_place(text, mention.end):
            kept.append(mention)
    return kept


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the shipped table (loaded once per process)."""
    return Gazetteer.from_file()
