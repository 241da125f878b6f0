"""Staff forms: they only validate input; the services in matcher/services do the work."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from matcher.engine.regions import default_gazetteer, is_zone, site_key
from matcher.models import Announcement, FirmType, Program, SpecialFirmType, SupportType
from matcher.models.vocab import APPLICANT_TYPES
from matcher.services.firms import EMPLOYEES_MAX
from matcher.services.programs import EDITABLE_FIELDS, sector_label

_SPLIT = re.compile(r"[,\n]+")
_KSIC = re.compile(r"^[A-Z]?\d{2,5}$")


def split_items(text: str) -> list[str]:
    """Comma- or line-separated text → distinct non-empty items, in order."""
    items: list[str] = []
    for part in _SPLIT.split(text or ""):
        item = part.strip()
        if item and item not in items:
            items.append(item)
    return items


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ProgramForm(forms.ModelForm):
    """The editable fields of a program; list fields are edited as text."""

    regions = forms.CharField(
        label=_("지역"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("한 줄에 하나: '경상북도 구미시' 또는 '경상북도'"),
    )
    places = forms.CharField(
        label=_("산업단지 등 장소"), required=False, help_text=_("쉼표 또는 줄바꿈으로 구분")
    )
    site_limits = forms.CharField(
        label=_("입주 조건(산업단지·특구 등)"),
        required=False,
        help_text=_("입주해 있어야 하는 산업단지나 특구, 쉼표로 구분: '광양국가산단', '충북경제자유구역'"),
    )
    district_limits = forms.CharField(
        label=_("소재 조건(구)"),
        required=False,
        help_text=_(
            "신청 기업이 있어야 하는 구(일반구), 쉼표로 구분: '전주시 덕진구'. 그 시가 지역에 있어야 합니다."
        ),
    )
    firm_types = forms.CharField(
        label=_("대상 기업 유형"),
        required=False,
        help_text=_("쉼표로 구분: %(values)s") % {"values": ", ".join(APPLICANT_TYPES)},
    )
    sectors = forms.CharField(
        label=_("업종(KSIC)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("한 줄에 하나: 'C28202 축전지 제조업' 또는 업종명만"),
    )
    keywords = forms.CharField(label=_("키워드"), required=False, help_text=_("쉼표 또는 줄바꿈으로 구분"))
    support_types = forms.CharField(
        label=_("지원 유형"),
        required=False,
        help_text=_("쉼표로 구분: %(values)s") % {"values": ", ".join(SupportType.values)},
    )

    source_url = forms.URLField(label=_("원문 링크"), required=False, max_length=1000, assume_scheme="https")
    apply_url = forms.URLField(label=_("신청 링크"), required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = Program
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "apply_start": forms.DateInput(attrs={"type": "date"}),
            "apply_end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        program: Program = self.instance
        self.initial.update(
            {
                "regions": "\n".join(r.label for r in program.region_list),
                "places": ", ".join(program.places or []),
                "site_limits": ", ".join(program.site_limits or []),
                "district_limits": ", ".join(program.district_limits or []),
                "firm_types": ", ".join(program.firm_types or []),
                "sectors": "\n".join(sector_label(s) for s in program.sectors or []),
                "keywords": ", ".join(program.keywords or []),
                "support_types": ", ".join(program.support_types or []),
            }
        )

    def clean_regions(self) -> list[dict[str, str | None]]:
        gazetteer = default_gazetteer()
        regions: list[dict[str, str | None]] = []
        for line in _lines(self.cleaned_data["regions"]):
            location = gazetteer.resolve(line)
            if location is None:
                raise forms.ValidationError(_("지역 '%(line)s'을(를) 찾을 수 없습니다.") % {"line": line})
            item = location.region.as_dict()
            if item not in regions:
                regions.append(item)
        return regions

    def clean_places(self) -> list[str]:
        return split_items(self.cleaned_data["places"])

    def clean_site_limits(self) -> list[str]:
        items = split_items(self.cleaned_data["site_limits"])
        for item in items:
            # One complex (a firm's is checked against it) or one designated zone (shown to be checked).
            if not site_key(item) and not is_zone(item):
                raise forms.ValidationError(
                    _("'%(item)s'은(는) 산업단지나 특구 이름이 아닙니다. 예: 광양국가산단, 충북경제자유구역")
                    % {"item": item}
                )
        return items

    def clean_district_limits(self) -> list[str]:
        districts: list[str] = []
        for item in split_items(self.cleaned_data["district_limits"]):
            location = default_gazetteer().resolve(item)
            if location is None or not location.district:
                raise forms.ValidationError(
                    _("'%(item)s'은(는) 구가 있는 시의 구가 아닙니다. 예: 전주시 덕진구") % {"item": item}
                )
            if location.district not in districts:
                districts.append(location.district)
        return districts

    def clean_keywords(self) -> list[str]:
        return split_items(self.cleaned_data["keywords"])

    def _vocab(self, name: str, allowed: list[str]) -> list[str]:
        items = split_items(self.cleaned_data[name])
        unknown = [i for i in items if i not in allowed]
        if unknown:
            raise forms.ValidationError(_("알 수 없는 값: %(values)s") % {"values": ", ".join(unknown)})
        return items

    def clean_firm_types(self) -> list[str]:
        return self._vocab("firm_types", APPLICANT_TYPES)

    def clean_support_types(self) -> list[str]:
        return self._vocab("support_types", SupportType.values)

    def clean_sectors(self) -> list[dict[str, str]]:
        sectors: list[dict[str, str]] = []
        for line in _lines(self.cleaned_data["sectors"]):
            first, _sep, rest = line.partition(" ")
            item = {"code": first, "name": rest.strip()} if _KSIC.match(first) else {"code": "", "name": line}
            if item not in sectors:
                sectors.append(item)
        return sectors

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        low, high = data.get("years_min"), data.get("years_max")
        if low is not None and high is not None and low > high:
            self.add_error("years_max", _("업력 상한이 하한보다 작습니다."))
        start, end = data.get("apply_start"), data.get("apply_end")
        if start and end and start > end:
            self.add_error("apply_end", _("접수 마감이 접수 시작보다 빠릅니다."))
        cities = {item.get("sigungu") for item in data.get("regions") or []}
        outside = [d for d in data.get("district_limits") or [] if d.split(" ")[0] not in cities]
        if outside:
            # A limit inside a city the program is not for would limit nothing.
            self.add_error(
                "district_limits",
                _("%(districts)s의 시가 지역에 없습니다. 지역에 그 시를 넣으세요.")
                % {"districts": ", ".join(outside)},
            )
        return data

    def changed_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS if name in self.cleaned_data}


class SplitForm(forms.Form):
    titles = forms.CharField(
        label=_("나눌 사업명"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("한 줄에 하나. 첫 줄은 이 사업의 새 이름, 나머지는 새로 만들 사업입니다."),
    )

    def clean_titles(self) -> list[str]:
        titles = _lines(self.cleaned_data["titles"])
        if len(titles) < 2:
            raise forms.ValidationError(_("사업명을 두 줄 이상 입력하세요."))
        if any(len(t) > 500 for t in titles):
            raise forms.ValidationError(_("사업명은 500자 이하여야 합니다."))
        return titles


class MergeForm(forms.Form):
    other = forms.IntegerField(
        label=_("병합할 사업 ID"),
        min_value=1,
        help_text=_("이 사업으로 합칠 중복 사업의 번호. 그 사업은 게시 중단됩니다."),
    )

    def __init__(self, *args: Any, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.program = program

    def clean_other(self) -> Program:
        other = Program.objects.filter(pk=self.cleaned_data["other"]).first()
        if other is None:
            raise forms.ValidationError(_("그런 사업이 없습니다."))
        if other.pk == self.program.pk:
            raise forms.ValidationError(_("같은 사업끼리는 병합할 수 없습니다."))
        return other


_FORMAT_CHOICES = [("", _("자동 감지"))] + [
    (value, label) for value, label in Announcement.Format.choices if value != Announcement.Format.UNKNOWN
]


class IngestForm(forms.Form):
    text = forms.CharField(label=_("붙여넣기"), required=False, widget=forms.Textarea(attrs={"rows": 10}))
    file = forms.FileField(label=_("파일"), required=False)
    name = forms.CharField(label=_("이름"), required=False, max_length=255)
    format = forms.ChoiceField(label=_("형식"), choices=_FORMAT_CHOICES, required=False)
    publish = forms.BooleanField(label=_("검토 없이 바로 게시"), required=False)

    def __init__(self, *args: Any, can_publish: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_publish:
            del self.fields["publish"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError(_("텍스트를 붙여넣거나 파일 하나를 올리세요 (둘 중 하나만)."))
        limit = settings.INGEST_MAX_BYTES
        too_big = {"mb": limit // 2**20}
        if upload:
            if upload.size > limit:
                raise forms.ValidationError(_("파일이 너무 큽니다 (최대 %(mb)s MB).") % too_big)
            data["content"] = upload.read()
            data["name"] = data.get("name") or upload.name
        else:
            content = text.encode("utf-8")
            if len(content) > limit:
                raise forms.ValidationError(_("텍스트가 너무 깁니다 (최대 %(mb)s MB).") % too_big)
            data["content"] = content
            data["name"] = data.get("name") or "붙여넣은 텍스트"
        data["format"] = data.get("format") or None
        return data


class FirmForm(forms.Form):
    name = forms.CharField(label=_("기업명"), max_length=200)
    sector = forms.CharField(label=_("업종"), max_length=300)
    address = forms.CharField(label=_("주소"), max_length=300, help_text=_("예: 경북 구미시 공단동"))
    firm_type = forms.ChoiceField(
        label=_("기업 유형"), choices=[("", "—"), *FirmType.choices], required=False
    )
    special_types = forms.MultipleChoiceField(
        label=_("기업 구분"),
        choices=SpecialFirmType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("여성기업·사회적기업 등, 그런 기업만 신청하는 사업에 맞추려면 표시"),
    )
    years = forms.FloatField(label=_("업력(년)"), required=False, min_value=0, max_value=200)
    employees = forms.IntegerField(
        label=_("상시근로자 수"), required=False, min_value=0, max_value=EMPLOYEES_MAX
    )
    email = forms.EmailField(label=_("이메일"), required=False)
    ksic_code = forms.CharField(label=_("KSIC 코드"), max_length=10, required=False)
    description = forms.CharField(label=_("설명"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class FirmImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV 파일"),
        help_text=_(
            "열: name, sector, address, firm_type, years, email "
            "(선택: ksic_code, description, employees, special_types — 여러 개는 ;로 구분)"
        ),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 2**20:
            raise forms.ValidationError(_("파일이 너무 큽니다 (최대 5 MB)."))
        return upload.read()
