"""Getting honours objects through the foundation's scoping: 404 outside scope, 403 for read-only writes."""

from django.http import Http404
from django.utils.translation import gettext

from congresses.models import Event
from units.permissions import require_unit_access

from .models import Exemplar, Nomination, Presenter


def get_exemplar_for_user(user, pk: int, *, write: bool = False) -> Exemplar:
    exemplar = Exemplar.objects.select_related("unit__parent").filter(pk=pk).first()
    if exemplar is None:
        raise Http404(gettext("Không tìm thấy hồ sơ điển hình."))
    require_unit_access(user, exemplar.unit, write=write)
    return exemplar


def get_event_for_user(user, pk: int, *, write: bool = False) -> Event:
    event = Event.objects.select_related("unit__parent", "campaign", "tier").filter(pk=pk).first()
    if event is None:
        raise Http404(gettext("Không tìm thấy sự kiện."))
    require_unit_access(user, event.unit, write=write)
    return event


def get_nomination_for_user(user, pk: int, *, write: bool = False) -> Nomination:
    """A nomination is seen by whoever sees the proposing unit (its district sees it too)."""
    nomination = (
        Nomination.objects.select_related(
            "exemplar__unit__parent", "event__unit", "proposed_award", "decided_award", "reviewed_by"
        )
        .filter(pk=pk)
        .first()
    )
    if nomination is None:
        raise Http404(gettext("Không tìm thấy đề nghị."))
    require_unit_access(user, nomination.exemplar.unit, write=write)
    return nomination


def get_presenter_for_user(user, event: Event, pk: int) -> Presenter:
    presenter = Presenter.objects.select_related("exemplar").filter(pk=pk, event=event).first()
    if presenter is None:
        raise Http404(gettext("Không tìm thấy báo cáo tham luận."))
    return presenter
