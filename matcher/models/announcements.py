from django.conf import settings
from django.db import models


class IngestionBatch(models.Model):
    """One ingestion request: a file, a pasted text or a command-line path."""

    class Status(models.TextChoices):
        QUEUED = "queued", "대기"
        RUNNING = "running", "진행 중"
        DONE = "done", "완료"
        DONE_WITH_ERRORS = "done_with_errors", "일부 실패"
        FAILED = "failed", "실패"

    name = models.CharField("파일 이름", max_length=255)
    format = models.CharField("형식", max_length=32, blank=True)
    size_bytes = models.BigIntegerField("크기(바이트)", default=0)
    # The uploaded bytes are kept until processed so a worker on another process can read them.
    payload = models.BinaryField("원본", blank=True, default=b"")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField("오류", blank=True)
    records_total = models.PositiveIntegerField(default=0)
    records_done = models.PositiveIntegerField(default=0)
    programs_created = models.PositiveIntegerField(default=0)
    programs_updated = models.PositiveIntegerField(default=0)
    records_unchanged = models.PositiveIntegerField(default=0)
    records_failed = models.PositiveIntegerField(default=0)
    publish = models.BooleanField("바로 게시", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Last sign of life of the worker running the batch (start and every progress save).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "수집 작업"
        verbose_name_plural = "수집 작업"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def progress_percent(self) -> int:
        if not self.records_total:
            return 100 if self.status in {self.Status.DONE, self.Status.FAILED} else 0
        return min(100, round(100 * self.records_done / self.records_total))


class Announcement(models.Model):
    """One announcement record as received: an article, a Bizinfo record, a 통합공고 row, a notice."""

    class Format(models.TextChoices):
        TEXT = "text", "텍스트 기사"
        HTML = "html", "HTML 기사"
        BIZINFO_JSON = "bizinfo_json", "기업마당 API JSON"
        BIZINFO_CSV = "bizinfo_csv", "기업마당 CSV"
        KSTARTUP_CSV = "kstartup_csv", "창업지원사업 통합공고 CSV"
        FULLTEXT_JSONL = "fulltext_jsonl", "공고문 전문 JSONL"
        UNKNOWN = "unknown", "알 수 없음"

    class Status(models.TextChoices):
        EXTRACTED = "extracted", "추출됨"
        NO_PROGRAM = "no_program", "사업 없음"
        FAILED = "failed", "실패"

    batch = models.ForeignKey(
        IngestionBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="announcements"
    )
    format = models.CharField(max_length=32, choices=Format.choices)
    origin = models.CharField("출처", max_length=500, help_text="file name and record position or key")
    source_id = models.CharField("원천 ID", max_length=100, blank=True, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    raw_content = models.TextField("원문")
    content_hash = models.CharField(max_length=64, unique=True)
    published_on = models.DateField("공고일", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.EXTRACTED)
    error = models.TextField("오류", blank=True)
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingested_at"]
        verbose_name = "공고"
        verbose_name_plural = "공고"

    def __str__(self) -> str:
        return self.title or self.origin
