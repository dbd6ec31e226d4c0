from django.contrib import admin

from .models import AwardType, Exemplar, Honour


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "recipient", "level", "grantor")
    list_filter = ("kind", "recipient", "level")


@admin.register(Exemplar)
class ExemplarAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "unit", "field", "is_published")
    list_filter = ("kind", "is_published")
    search_fields = ("name",)
    list_select_related = ("unit",)


@admin.register(Honour)
class HonourAdmin(admin.ModelAdmin):
    list_display = ("exemplar", "award_type", "event", "decision_number", "decision_date")
    list_select_related = ("exemplar", "award_type", "event")
