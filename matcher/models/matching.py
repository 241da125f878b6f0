from django.db import models


class MatcherModelVersion(models.Model):
    """A fitted similarity model on disk. The newest ``active`` row is the one every process serves."""

    version = models.PositiveIntegerField(unique=True)
    path = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    program_count = models.PositiveIntegerField(default=0)
    format_version = models.PositiveIntegerField()
    fit_seconds = models.FloatField(default=0)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = "매칭 모델 버전"
        verbose_name_plural = "매칭 모델 버전"

    def __str__(self) -> str:
        return f"v{self.version} ({self.program_count} programs)"


class MatchLog(models.Model):
    """One match served (for the dashboard); no personal data beyond what was typed."""

    class Kind(models.TextChoices):
        FIRM = "firm", "기업→사업"
        PROGRAM = "program", "사업→기업"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FIRM)
    sido = models.CharField(max_length=20, blank=True)
    sigungu = models.CharField(max_length=40, blank=True)
    sector = models.CharField(max_length=300, blank=True)
    result_count = models.PositiveIntegerField(default=0)
    model_version = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.sido} {self.sigungu} {self.sector}"
