from django.contrib import admin

from .models import AwardDecision, AwardReceived, AwardType, Exemplar, Honour, Nomination, Presenter


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "recipient", "level", "grantor", "is_certificate", "is_active")
    list_filter = ("kind", "recipient", "level", "is_active")
    search_fields = ("name",)


class AwardReceivedInline(admin.TabularInline):
    model = AwardReceived
    extra = 0


@admin.register(Exemplar)
class ExemplarAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "unit", "field", "publication")
    list_filter = ("kind", "publication", "field")
    search_fields = ("name", "search_text")
    list_select_related = ("unit",)
    inlines = [AwardReceivedInline]
    filter_horizontal = ("movements",)


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ("exemplar", "event", "proposed_award", "status", "decided_award", "reviewed_at")
    list_filter = ("status", "target")
    list_select_related = ("exemplar", "event", "proposed_award", "decided_award")


@admin.register(AwardDecision)
class AwardDecisionAdmin(admin.ModelAdmin):
    list_display = ("number", "date", "issuer", "authority", "event", "signer")
    list_filter = ("authority",)
    list_select_related = ("event",)


@admin.register(Honour)
class HonourAdmin(admin.ModelAdmin):
    list_display = ("exemplar", "award_type", "event", "decision")
    list_select_related = ("exemplar", "award_type", "event", "decision")


@admin.register(Presenter)
class PresenterAdmin(admin.ModelAdmin):
    list_display = ("event", "order", "exemplar", "topic")
    list_select_related = ("event", "exemplar")
