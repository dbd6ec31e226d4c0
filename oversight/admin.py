from django.contrib import admin

# --- Oversight (issue 6) ---
from .models import BudgetLine, PilotLesson, ReminderSent, ResultReport


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
