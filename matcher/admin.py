"""Django admin for the raw records (staff pages under /staff/ are the everyday workspace)."""

from django.contrib import admin
from django.db import models

from matcher.models import (
    AlertDelivery,
    Announcement,
    Firm,
    IngestionBatch,
    MatcherModelVersion,
    MatchLog,
    Program,
    ProgramChange,
    SavedProfile,
)
from matcher.models.programs import SEARCH_FIELDS
from matcher.services.model_store import request_refit
from matcher.services.programs import json_value, record_program_change


@admin.register(IngestionBatch)
class IngestionBatchAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "name",
        "format",
        "status",
        "records_total",
        "records_done",
        "programs_created",
        "programs_updated",
        "records_failed",
        "created_by",
        "created_at",
    ]
    list_filter = ["status", "format"]
    search_fields = ["name"]
    # The payload can be megabytes of bytes; never render it in a form.
    exclude = ["payload"]
    readonly_fields = ["created_at", "started_at", "finished_at"]


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "format", "status", "origin", "source_id", "published_on", "ingested_at"]
    list_filter = ["status", "format"]
    search_fields = ["title", "origin", "source_id"]
    raw_id_fields = ["batch"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    """Raw edits stay audited; publishing goes through the review pages (permission check and refit)."""

    list_display = [
        "id",
        "title",
        "agency",
        "status",
        "nationwide",
        "apply_end",
        "published_at",
        "updated_at",
    ]
    list_filter = ["status", "nationwide"]
    search_fields = ["title", "agency", "operator", "source_id"]
    raw_id_fields = ["announcement"]
    readonly_fields = ["status", "search_terms", "created_at", "updated_at", "published_at"]
    actions = None  # no bulk delete that would skip the audit trail
    # Links typed without a scheme are https, as on the staff edit form (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj: Program, form, change: bool) -> None:
        if not change or SEARCH_FIELDS & set(form.changed_data):
            # Matching reads search_terms, so it must follow the text a person typed.
            obj.refresh_search_terms()
        super().save_model(request, obj, form, change)
        if change:
            changes = {
                name: [json_value(form.initial.get(name)), json_value(form.cleaned_data.get(name))]
                for name in form.changed_data
            }
            if changes:
                record_program_change(
                    program=obj, user=request.user, action="edited (admin)", changes=changes
                )
                if obj.status == Program.Status.PUBLISHED:
                    request_refit()
        else:
            record_program_change(program=obj, user=request.user, action="created", changes={})

    def delete_model(self, request, obj: Program) -> None:
        record_program_change(program=obj, user=request.user, action="deleted", changes={})
        was_published = obj.status == Program.Status.PUBLISHED
        super().delete_model(request, obj)
        if was_published:
            request_refit()


@admin.register(ProgramChange)
class ProgramChangeAdmin(admin.ModelAdmin):
    list_display = ["id", "program_title", "action", "user", "created_at"]
    list_filter = ["action"]
    search_fields = ["program_title"]
    raw_id_fields = ["program"]

    # The audit trail is append-only.
    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "name",
        "sector",
        "sido",
        "sigungu",
        "firm_type",
        "special_types",
        "years",
        "employees",
        "email",
        "created_at",
    ]
    list_filter = ["sido", "firm_type"]
    search_fields = ["name", "sector", "email"]


@admin.register(SavedProfile)
class SavedProfileAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "email",
        "sector",
        "sido",
        "sigungu",
        "confirmed_at",
        "unsubscribed_at",
        "created_at",
    ]
    list_filter = ["sido"]
    search_fields = ["email", "sector"]
    exclude = ["confirm_token", "unsubscribe_token"]


@admin.register(AlertDelivery)
class AlertDeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "profile", "program", "sent_at"]
    raw_id_fields = ["profile", "program"]


@admin.register(MatcherModelVersion)
class MatcherModelVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "program_count", "format_version", "fit_seconds", "active", "created_at"]
    list_filter = ["active"]


@admin.register(MatchLog)
class MatchLogAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "sido", "sigungu", "sector", "result_count", "model_version", "created_at"]
    list_filter = ["kind", "sido"]
    date_hierarchy = "created_at"
