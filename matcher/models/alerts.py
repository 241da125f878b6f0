import secrets

from django.db import models

from matcher.engine.regions import Location, Region
from matcher.models.vocab import FirmType


def _token() -> str:
    return secrets.token_urlsafe(24)


class SavedProfile(models.Model):
    """An owner's saved search with an email for alerts (double opt-in)."""

    email = models.EmailField("이메일")
    sector = models.CharField("업종", max_length=300)
    ksic_code = models.CharField(max_length=10, blank=True)
    sido = models.CharField("시도", max_length=20)
    sigungu = models.CharField("시군구", max_length=40, blank=True)
    # The rest of a typed location ('구미국가산업단지'): a complex checked against programs limited to one.
    place = models.CharField("장소(산업단지 등)", max_length=100, blank=True)
    # The 일반구 typed with the location, in full ('전주시 덕진구'): a program may be limited to one.
    district = models.CharField("구(일반구)", max_length=40, blank=True)
    firm_type = models.CharField("기업 유형", max_length=20, choices=FirmType.choices, blank=True)
    years = models.FloatField("업력(년)", null=True, blank=True)
    employees = models.PositiveIntegerField("상시근로자 수", null=True, blank=True)
    special_types = models.JSONField("기업 구분(여성기업 등)", default=list, blank=True)  # SpecialFirmType
    description = models.TextField("설명", blank=True)
    confirm_token = models.CharField(max_length=64, unique=True, default=_token)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=_token)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "저장된 프로필"
        verbose_name_plural = "저장된 프로필"

    def __str__(self) -> str:
        return f"{self.email} · {self.sector}"

    @property
    def location(self) -> Location:
        """Where the firm said it is, as the search resolved it."""
        region = Region(self.sido, self.sigungu or None)
        return Location(region, district=self.district or None, place=self.place or None)

    @property
    def location_label(self) -> str:
        """'전북특별자치도 전주시 덕진구', '전라남도 광양시 광양국가산단'."""
        return self.location.label

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class AlertDelivery(models.Model):
    """A program sent to a profile; the unique pair guarantees no program is sent twice."""

    profile = models.ForeignKey(SavedProfile, on_delete=models.CASCADE, related_name="deliveries")
    program = models.ForeignKey("matcher.Program", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "program"], name="alert_once_per_program")]

    def __str__(self) -> str:
        return f"{self.profile_id} → {self.program_id}"
