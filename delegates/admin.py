from django.contrib import admin

from .models import Delegate


@admin.register(Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = ("full_name", "category", "gender", "ethnic_group", "event")
    list_filter = ("category", "gender")
    search_fields = ("full_name",)
    list_select_related = ("event",)
    exclude = ("sort_key", "search_text")
