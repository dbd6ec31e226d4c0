from django.contrib import admin

from core.bulk_audit import AuditedDeleteAdmin

from .models import AgendaItem, Campaign, Event, Movement, TierRule


class TierRuleInline(admin.TabularInline):
    model = TierRule
    extra = 0
    fk_name = "campaign"


class MovementInline(admin.TabularInline):
    model = Movement
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("name", "ordinal", "period_start_year", "period_end_year", "plan_deadline", "is_active")
    inlines = [TierRuleInline, MovementInline]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Event)
class EventAdmin(AuditedDeleteAdmin, admin.ModelAdmin):
    list_display = ("name", "unit", "tier", "date", "session", "status")
    list_filter = ("tier", "status")
    search_fields = ("name", "unit__name")
    list_select_related = ("unit", "tier")
    inlines = [AgendaItemInline]
