from django.contrib import admin

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
class EventAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "tier", "date", "session", "status")
    list_filter = ("tier", "status")
    search_fields = ("name", "unit__name")
    list_select_related = ("unit", "tier")
    inlines = [AgendaItemInline]


# --- Oversight (issue 6) ---

from .models import BudgetLine, PilotLesson, ReminderSent, ResultReport  # noqa: E402


@admin.register(ResultReport)
class ResultReportAdmin(admin.ModelAdmin):
    list_display = ("event", "held_on", "exemplars_honoured", "delegation_approved", "submitted_at")
    list_select_related = ("event",)
    search_fields = ("event__name", "event__unit__name")


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ("description", "category", "quantity", "unit_price", "campaign")
    list_filter = ("category",)


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ("unit", "stage", "sent_on", "recipients")
    list_filter = ("stage",)
    list_select_related = ("unit",)


@admin.register(PilotLesson)
class PilotLessonAdmin(admin.ModelAdmin):
    list_display = ("event", "updated_at")
    list_select_related = ("event",)
