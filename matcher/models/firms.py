from django.conf import settings
from django.db import models

from matcher.models.vocab import FirmType


class Firm(models.Model):
    """A client firm registered by staff for outreach (reverse matching)."""

    name = models.CharField("기업명", max_length=200)
    sector = models.CharField("업종", max_length=300)
    ksic_code = models.CharField("KSIC 코드", max_length=10, blank=True)
    address = models.CharField("주소", max_length=300, blank=True)
    sido = models.CharField("시도", max_length=20)
    sigungu = models.CharField("시군구", max_length=40, blank=True)
    firm_type = models.CharField("기업 유형", max_length=20, choices=FirmType.choices, blank=True)
    years = models.FloatField("업력(년)", null=True, blank=True)
    employees = models.PositiveIntegerField("상시근로자 수", null=True, blank=True)
    special_types = models.JSONField("기업 구분(여성기업 등)", default=list, blank=True)  # SpecialFirmType
    email = models.EmailField("이메일", blank=True)
    description = models.TextField("설명", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "고객 기업"
        verbose_name_plural = "고객 기업"

    def __str__(self) -> str:
        return self.name
