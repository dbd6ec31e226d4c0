from django.contrib import admin

from .models import AgendaTemplateItem, GeneratedReport


@admin.register(AgendaTemplateItem)
class AgendaTemplateItemAdmin(admin.ModelAdmin):
    list_display = (
        "order",
        "title",
        "only_at_congress",
        "only_with_upper_delegation",
        "default_minutes",
        "campaign",
    )
    list_filter = ("campaign",)


@admin.register(GeneratedReport)
class GeneratedReportAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "progress", "created_at", "finished_at")
    list_filter = ("kind", "status")
    readonly_fields = ("idempotency_key", "file", "attempts", "created_at", "started_at", "finished_at")
