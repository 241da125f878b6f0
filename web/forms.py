"""The owner's search form. Shared by the results page and the JSON API so both give the same
Korean error messages."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from matcher.engine.ksic import find_subclass, looks_like_subclass_code
from matcher.engine.regions import Location
from matcher.models import FirmType, SpecialFirmType, SupportType
from matcher.services.firms import EMPLOYEES_MAX
from matcher.services.matching import FirmProfile, MatchFilters
from matcher.services.programs_public import (
    LocationError,
    resolve_firm_location,
    sido_choices,
    sigungu_choices,
)
from web.vocabulary import vocabulary_label_lazy

SECTOR_MAX = 100
LOCATION_MAX = 100
DESCRIPTION_MAX = 1000
PAGE_MAX = 200
# Firm types an owner picks from on the form (the rest are attributes, not sizes).
OWNER_FIRM_TYPES = [
    FirmType.SME,
    FirmType.SMALL_BUSINESS,
    FirmType.STARTUP,
    FirmType.PRE_STARTUP,
    FirmType.MIDSIZE,
]
_UNKNOWN_KSIC = _(
    "KSIC 코드 '%(code)s'을(를) 찾을 수 없습니다. "
    "한국표준산업분류 11차 세세분류 코드를 입력해 주세요. 예: C28202"
)
# Markup has no place in a sector or description; refusing it early gives a clear message.
_MARKUP = re.compile(r"[<>]|javascript:", re.IGNORECASE)


def _full_code(subclass: dict[str, str]) -> str:
    """'C28202': the section letter with the subclass digits, however the owner typed the code."""
    return subclass["section_code"] + subclass["subclass_code"]


def _no_markup(value: str) -> None:
    if _MARKUP.search(value or ""):
        raise forms.ValidationError(_("< > 기호나 스크립트는 입력할 수 없습니다. 글자로만 적어 주세요."))


class MatchForm(forms.Form):
    sector = forms.CharField(
        label=_("업종"),
        max_length=SECTOR_MAX,
        validators=[_no_markup],
        error_messages={
            "required": _("업종을 입력해 주세요. 예: 이차전지 양극재 제조"),
            "max_length": _("업종은 %(limit_value)d자 이내로 입력해 주세요."),
        },
    )
    location = forms.CharField(
        label=_("주소로 입력"),
        required=False,
        max_length=LOCATION_MAX,
        validators=[_no_markup],
        error_messages={"max_length": _("주소는 %(limit_value)d자 이내로 입력해 주세요.")},
    )
    sido = forms.ChoiceField(
        label=_("시도"),
        required=False,
        error_messages={"invalid_choice": _("목록에 있는 시도를 선택해 주세요.")},
    )
    sigungu = forms.CharField(label=_("시군구"), required=False, max_length=40)
    firm_type = forms.ChoiceField(
        label=_("기업 유형"),
        required=False,
        choices=[
            ("", _("선택 안 함")),
            *[(t.value, vocabulary_label_lazy(t.value)) for t in OWNER_FIRM_TYPES],
        ],
        error_messages={"invalid_choice": _("목록에 있는 기업 유형을 선택해 주세요.")},
    )
    special_types = forms.MultipleChoiceField(
        label=_("해당하는 기업 구분"),
        required=False,
        choices=[(t.value, vocabulary_label_lazy(t.value)) for t in SpecialFirmType],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("목록에 있는 기업 구분을 선택해 주세요.")},
    )
    years = forms.FloatField(
        label=_("업력(년)"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": _("업력은 숫자로 입력해 주세요. 예: 3"),
            "min_value": _("업력은 0 이상이어야 합니다."),
            "max_value": _("업력은 100년 이하로 입력해 주세요."),
        },
    )
    employees = forms.IntegerField(
        label=_("상시근로자 수(명)"),
        required=False,
        min_value=0,
        max_value=EMPLOYEES_MAX,
        error_messages={
            "invalid": _("상시근로자 수는 숫자로 입력해 주세요. 예: 12"),
            "min_value": _("상시근로자 수는 0 이상이어야 합니다."),
            "max_value": _("상시근로자 수는 %(limit_value)d명 이하로 입력해 주세요."),
        },
    )
    ksic_code = forms.CharField(
        label=_("KSIC 코드"),
        required=False,
        max_length=10,
        error_messages={
            "max_length": _("KSIC 코드는 'C28202'처럼 영문 한 자와 숫자 다섯 자리로 입력해 주세요.")
        },
    )
    description = forms.CharField(
        label=_("사업 설명"),
        required=False,
        max_length=DESCRIPTION_MAX,
        validators=[_no_markup],
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("사업 설명은 %(limit_value)d자 이내로 입력해 주세요.")},
    )
    support_type = forms.MultipleChoiceField(
        label=_("지원 유형"),
        required=False,
        choices=[(t.value, vocabulary_label_lazy(t.value)) for t in SupportType],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("목록에 있는 지원 유형을 선택해 주세요.")},
    )
    open_only = forms.BooleanField(label=_("접수 중인 사업만"), required=False)
    sort = forms.ChoiceField(
        label=_("정렬"),
        required=False,
        choices=[("", _("추천순")), ("closing", _("마감 임박순"))],
        error_messages={"invalid_choice": _("목록에 있는 정렬 방법을 선택해 주세요.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=PAGE_MAX,
        error_messages={
            "invalid": _("페이지 번호가 올바르지 않습니다."),
            "min_value": _("페이지 번호가 올바르지 않습니다."),
            "max_value": _("페이지 번호가 올바르지 않습니다."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sido"].choices = [("", _("시도 선택")), *[(s, s) for s in sido_choices()]]
        self.resolved_location: Location | None = None

    def clean_sector(self) -> str:
        value = " ".join(self.cleaned_data["sector"].split())
        if not value:
            raise forms.ValidationError(self.fields["sector"].error_messages["required"])
        return value

    def clean_ksic_code(self) -> str:
        value = (self.cleaned_data.get("ksic_code") or "").strip()
        if not value:
            return ""
        subclass = find_subclass(value)
        if subclass is None:
            raise forms.ValidationError(_UNKNOWN_KSIC % {"code": value})
        return _full_code(subclass)

    def clean(self) -> dict:
        data = super().clean()
        sector = data.get("sector") or ""
        if looks_like_subclass_code(sector):
            # A KSIC code typed as the sector ('C28202'): search by its name, and by the code.
            subclass = find_subclass(sector)
            if subclass is None:
                self.add_error("sector", _UNKNOWN_KSIC % {"code": sector})
            else:
                data["sector"] = subclass["subclass_name"]
                data["ksic_code"] = data.get("ksic_code") or _full_code(subclass)
        if self.has_error("location") or self.has_error("sido"):
            return data
        try:
            self.resolved_location = resolve_firm_location(
                typed=data.get("location", ""), sido=data.get("sido", ""), sigungu=data.get("sigungu", "")
            )
        except LocationError as exc:
            field = "location" if data.get("location") else "sido"
            self.add_error(field, str(exc))
        return data

    # -- what the matcher needs --------------------------------------------------------------
    def profile(self) -> FirmProfile:
        assert self.resolved_location is not None, "call is_valid() first"
        data = self.cleaned_data
        return FirmProfile(
            sector=data["sector"],
            region=self.resolved_location.region,
            firm_type=data.get("firm_type") or "",
            years=data.get("years"),
            employees=data.get("employees"),
            ksic_code=data.get("ksic_code") or "",
            description=" ".join((data.get("description") or "").split()),
            location_label=self.resolved_location.label,
            site=self.resolved_location.site,
            district=self.resolved_location.district or "",
            special_types=tuple(data.get("special_types") or ()),
        )

    def filters(self) -> MatchFilters:
        data = self.cleaned_data
        return MatchFilters(
            support_types=tuple(data.get("support_type") or ()),
            open_only=bool(data.get("open_only")),
            closing_first=data.get("sort") == "closing",
        )

    # -- what the selects show: the resolved region when a typed address was understood --------
    def chosen_sido(self) -> str:
        if self.resolved_location is not None:
            return self.resolved_location.region.sido
        return str(self.data.get("sido", "")) if self.is_bound else ""

    def chosen_sigungu(self) -> str:
        if self.resolved_location is not None:
            return self.resolved_location.region.sigungu or ""
        return str(self.data.get("sigungu", "")) if self.is_bound else ""

    def sigungu_options(self) -> list[str]:
        """The 시군구 of the chosen 시도 (for the select); empty when none is chosen."""
        sido = self.chosen_sido()
        return sigungu_choices(sido=sido) if sido in sido_choices() else []


# The search an alert keeps. The results page sends it along as hidden fields (alerts/_subscribe_form.html).
ALERT_SEARCH_FIELDS = (
    "sector",
    "location",
    "sido",
    "sigungu",
    "firm_type",
    "special_types",
    "years",
    "employees",
    "ksic_code",
    "description",
)


# Fields a search sends several times ('special_types=여성기업&special_types=협동조합').
_LISTED_FIELDS = {"special_types"}


def _listed(source, name: str) -> list[str]:
    if source is None:
        return []
    if hasattr(source, "getlist"):
        return [str(value) for value in source.getlist(name)]
    value = source.get(name) or []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


class AlertSubscribeForm(forms.Form):
    """An email alert for a search. Only the address is typed; the search itself is checked by the
    search form, so an alert holds only a search the results page accepts, with the same messages."""

    email = forms.EmailField(
        label=_("이메일 주소"),
        max_length=254,
        error_messages={
            "required": _("알림을 받을 이메일 주소를 입력해 주세요."),
            "invalid": _("이메일 주소가 올바르지 않습니다. 예: name@example.kr"),
            "max_length": _("이메일 주소가 너무 깁니다."),
        },
    )

    def __init__(self, data=None, *, search_data=None, **kwargs) -> None:
        super().__init__(data, **kwargs)
        source = search_data if search_data is not None else data
        self.search_params: dict[str, str | list[str]] = {
            name: _listed(source, name) if name in _LISTED_FIELDS else str((source or {}).get(name, "") or "")
            for name in ALERT_SEARCH_FIELDS
        }
        self.search = MatchForm(self.search_params)

    def is_valid(self) -> bool:
        search_ok = self.search.is_valid()  # both always run, so the page shows every message at once
        return super().is_valid() and search_ok

    def search_errors(self) -> list[str]:
        """'업종: 업종을 입력해 주세요…' for each problem with the search the alert would keep."""
        if self.search.is_valid():
            return []
        messages = [
            f"{self.search[name].label}: {error}"
            for name in self.search.errors
            if name != "__all__"
            for error in self.search.errors[name]
        ]
        return messages + list(self.search.non_field_errors())

    def profile(self) -> FirmProfile:
        return self.search.profile()

    def place(self) -> str:
        """The industrial complex typed with the location ('광양국가산단'), kept for the digests."""
        location = self.search.resolved_location
        return ((location.place if location else "") or "")[:100]
