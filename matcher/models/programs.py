from django.conf import settings
from django.db import models

from matcher.engine import eligibility
from matcher.engine.analysis import program_search_terms
from matcher.engine.regions import Region
from matcher.engine.support_kinds import is_information_only

# A program's content: what extraction fills in and staff may edit, in display order.
CONTENT_FIELDS: tuple[str, ...] = (
    "title",
    "agency",
    "operator",
    "regions",
    "nationwide",
    "outside_applicants",
    "places",
    "site_limits",
    "district_limits",
    "firm_types",
    "years_min",
    "years_max",
    "employees_min",
    "sectors",
    "keywords",
    "support_types",
    "budget_krw",
    "national_budget_krw",
    "period_end_year",
    "apply_start",
    "apply_end",
    "contact",
    "source_url",
    "apply_url",
    "summary",
)
# The fields ``search_terms`` is analysed from.
SEARCH_FIELDS = frozenset({"title", "summary", "keywords"})
# Audit actions in which a person changed content fields.
STAFF_EDIT_ACTIONS = ("edited", "edited (admin)", "split", "merged")


class ProgramQuerySet(models.QuerySet):
    def published(self) -> "ProgramQuerySet":
        return self.filter(status=Program.Status.PUBLISHED)


class Program(models.Model):
    """A support program (지원사업) extracted from an announcement.

    List-valued fields are JSON so the same code runs on SQLite and PostgreSQL;
    matching reads them into the in-memory index rather than querying them.
    """

    class Status(models.TextChoices):
        REVIEW = "review", "검토 대기"
        PUBLISHED = "published", "게시"
        UNPUBLISHED = "unpublished", "게시 중단"

    announcement = models.ForeignKey(
        "matcher.Announcement", null=True, blank=True, on_delete=models.SET_NULL, related_name="programs"
    )
    # Position of the program inside its announcement (articles hold several).
    position = models.PositiveIntegerField(default=0)
    # Bizinfo pblancId, 'kstartup2024:<row>' …; empty for programs found in free text.
    source_id = models.CharField("원천 ID", max_length=100, null=True, blank=True, unique=True)
    title = models.CharField("사업명", max_length=500)
    agency = models.CharField("소관 기관", max_length=200, blank=True)
    operator = models.CharField("수행 기관", max_length=200, blank=True)
    nationwide = models.BooleanField("전국", default=False)
    # [{"sido": "경상북도", "sigungu": "구미시"}, …]; the first is the program's home region.
    regions = models.JSONField("지역", default=list, blank=True)

    class OutsideApplicants(models.TextChoices):
        NONE = "", "지역 내 기업만"
        MOVING_IN = eligibility.MOVING_IN, "이전·신설하는 기업도 신청 가능"
        ACTIVITY = eligibility.ACTIVITY_HERE, "지역에서 활동하는 기업이면 소재지 무관"

    # Who beyond ``regions`` may apply ('관내 이전 예정 기업', '관광객 유치 여행사'); the regions stay the
    # program's, shown as its home (see eligibility.region_admits for how each kind ranks).
    outside_applicants = models.CharField(
        "지역 외 기업", max_length=20, choices=OutsideApplicants.choices, default="", blank=True
    )
    places = models.JSONField("산업단지 등 장소", default=list, blank=True)
    # Industrial complexes applicants must be in ('☞ 광양국가산단 입주기업'): a limit below the 시군구.
    site_limits = models.JSONField("입주 조건(산업단지)", default=list, blank=True)
    # 일반구 of its cities applicants must be in ('전주시 덕진구'): the regions stop at the 시군구.
    district_limits = models.JSONField("소재 조건(구)", default=list, blank=True)
    firm_types = models.JSONField("대상 기업 유형", default=list, blank=True)
    years_min = models.FloatField("업력 하한(년)", null=True, blank=True)
    years_max = models.FloatField("업력 상한(년)", null=True, blank=True)
    # '상시근로자 5인 이상': the least headcount an applicant must have (a 소상공인 has fewer than 10).
    employees_min = models.PositiveIntegerField("최소 상시근로자 수", null=True, blank=True)
    # [{"code": "C28202", "name": "축전지 제조업"}, …] mapped to KSIC where possible.
    sectors = models.JSONField("업종(KSIC)", default=list, blank=True)
    keywords = models.JSONField("키워드", default=list, blank=True)
    support_types = models.JSONField("지원 유형", default=list, blank=True)
    budget_krw = models.BigIntegerField("총 예산(원)", null=True, blank=True)
    national_budget_krw = models.BigIntegerField("국비(원)", null=True, blank=True)
    period_end_year = models.PositiveIntegerField("사업 종료 연도", null=True, blank=True)
    apply_start = models.DateField("접수 시작", null=True, blank=True)
    apply_end = models.DateField("접수 마감", null=True, blank=True)
    contact = models.CharField("문의처", max_length=500, blank=True)
    source_url = models.URLField("원문 링크", max_length=1000, blank=True)
    apply_url = models.URLField("신청 링크", max_length=1000, blank=True)
    summary = models.TextField("사업 내용", blank=True)
    # {"budget_krw": ["국비 90억원 포함 총 290억원으로 …"], "regions": [...], …}
    evidence = models.JSONField("근거 문장", default=dict, blank=True)
    # Morphological analysis of title and text, done once at extraction (Kiwi is slow).
    search_terms = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REVIEW, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "id"]
        permissions = [("publish_program", "지원사업 게시/게시 중단")]
        verbose_name = "지원사업"
        verbose_name_plural = "지원사업"

    def __str__(self) -> str:
        return self.title

    def refresh_search_terms(self) -> None:
        """Re-analyse the matched text (after a person changed it), so matching reads what is shown."""
        self.search_terms = program_search_terms(
            title=self.title, summary=self.summary, keywords=self.keywords
        )

    def staff_edited_fields(self) -> set[str]:
        """Content fields a person has changed (edit, split, merge), which a re-import must not overwrite."""
        edited: set[str] = set()
        for changes in self.changes.filter(action__in=STAFF_EDIT_ACTIONS).values_list("changes", flat=True):
            edited.update(name for name in changes or {} if name in CONTENT_FIELDS)
        return edited

    def matched_text(self) -> str:
        """The text the matcher reads beside ``search_terms``: title, keywords, sectors and summary."""
        sectors = " ".join(s.get("name", "") for s in self.sectors or [] if isinstance(s, dict))
        return "\n".join([self.title, " ".join(self.keywords or []), sectors, self.summary or ""])

    @property
    def is_information_only(self) -> bool:
        """The notice says it is a guide to a scheme, not a support program (ranked low, labelled)."""
        return is_information_only(self.matched_text())

    @property
    def region_list(self) -> list[Region]:
        return [Region.from_dict(item) for item in self.regions]

    @property
    def region_scope(self) -> str:
        """전국 / 시도 / 시군구 / 산업단지 — the narrowest level the program is limited to."""
        if self.nationwide or not self.regions:
            return "전국"
        if self.places or self.site_limits:
            return "산업단지"
        if any(item.get("sigungu") for item in self.regions):
            return "시군구"
        return "시도"


class ProgramChange(models.Model):
    """Audit trail: who changed which fields of a program, and when."""

    program = models.ForeignKey(Program, null=True, on_delete=models.SET_NULL, related_name="changes")
    program_title = models.CharField(max_length=500)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40)  # created, edited, published, unpublished, split, merged
    # {"field": [old, new], …}
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "변경 이력"
        verbose_name_plural = "변경 이력"

    def __str__(self) -> str:
        return f"{self.action}: {self.program_title}"
