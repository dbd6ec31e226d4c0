from django.contrib import admin
from django.db import transaction

from core.bulk_audit import AuditedDeleteAdmin

from .models import Delegate, DelegationApproval, DelegationQuota, RosterImport
from .services import rosters_recount


@admin.register(Delegate)
class DelegateAdmin(AuditedDeleteAdmin, admin.ModelAdmin):
    list_display = ("full_name", "category", "gender", "ethnic_group", "event", "in_delegation")
    list_filter = ("category", "gender", "in_delegation")
    search_fields = ("full_name",)
    list_select_related = ("event",)
    exclude = ("sort_key", "search_text")
    raw_id_fields = ("event", "exemplar", "source_delegate")

    # The admin writes rosters too: the event's counters follow in the same transaction.
    @transaction.atomic
    def save_model(self, request, obj, form, change) -> None:
        before = Delegate.objects.filter(pk=obj.pk).values_list("event_id", flat=True).first()
        super().save_model(request, obj, form, change)
        rosters_recount(event_ids={obj.event_id, before} - {None})

    @transaction.atomic
    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        rosters_recount(event_ids=[obj.event_id])

    @transaction.atomic
    def delete_queryset(self, request, queryset) -> None:
        event_ids = set(queryset.values_list("event_id", flat=True))
        super().delete_queryset(request, queryset)
        rosters_recount(event_ids=event_ids)


@admin.register(DelegationQuota)
class DelegationQuotaAdmin(admin.ModelAdmin):
    list_display = ("unit", "upper_unit", "seats", "campaign", "updated_at")
    list_select_related = ("unit", "upper_unit", "campaign")
    list_filter = ("campaign",)


@admin.register(DelegationApproval)
class DelegationApprovalAdmin(admin.ModelAdmin):
    list_display = ("event", "size", "approved_at", "approved_by")
    list_select_related = ("event", "approved_by")


@admin.register(RosterImport)
class RosterImportAdmin(admin.ModelAdmin):
    list_display = ("file_name", "event", "created_by", "created_at")
    list_select_related = ("event", "created_by")
    exclude = ("rows",)
