from django.contrib import admin

from core.bulk_audit import AuditedDeleteAdmin

from .models import Delegate, DelegationApproval, DelegationQuota, RosterImport


@admin.register(Delegate)
class DelegateAdmin(AuditedDeleteAdmin, admin.ModelAdmin):
    list_display = ("full_name", "category", "gender", "ethnic_group", "event", "in_delegation")
    list_filter = ("category", "gender", "in_delegation")
    search_fields = ("full_name",)
    list_select_related = ("event",)
    exclude = ("sort_key", "search_text")
    raw_id_fields = ("event", "exemplar", "source_delegate")


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
