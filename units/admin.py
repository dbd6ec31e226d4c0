from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import DocumentProfile, DocumentSigner, Unit, UnitLineage, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "code", "parent", "valid_from", "valid_to", "is_pilot")
    list_filter = ("kind", "is_pilot")
    search_fields = ("name", "code")
    list_select_related = ("parent",)


@admin.register(UnitLineage)
class UnitLineageAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "effective_date", "basis")
    list_filter = ("kind", "effective_date")
    list_select_related = ("predecessor", "successor")
    search_fields = ("predecessor__name", "successor__name", "basis")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "get_full_name", "role", "unit", "is_active")
    list_filter = ("role", "is_active")
    list_select_related = ("unit",)
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Phân quyền cổng thi đua", {"fields": ("role", "unit", "position")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("Phân quyền cổng thi đua", {"fields": ("role", "unit")}),
    )


class DocumentSignerInline(admin.TabularInline):
    model = DocumentSigner
    extra = 0


@admin.register(DocumentProfile)
class DocumentProfileAdmin(admin.ModelAdmin):
    list_display = ("unit", "name_line1", "name_line2", "symbol", "place", "checked_at")
    list_select_related = ("unit",)
    inlines = [DocumentSignerInline]
