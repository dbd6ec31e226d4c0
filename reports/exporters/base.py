"""What every document exporter declares (pretix's BaseExporter, without plugins)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from congresses.models import Campaign, Event

from ..models import GeneratedReport

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Output:
    content: bytes
    extension: str
    mimetype: str


PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BaseExporter:
    identifier: ClassVar[str]
    verbose_name: ClassVar[str]
    scope: ClassVar[str] = "event"  # "event" or "campaign"
    staff_only: ClassVar[bool] = False

    def check(self, *, event: Event | None, campaign: Campaign | None, params: dict[str, Any]) -> str:
        """Empty when the document can be made now, else why not (in Vietnamese)."""
        return ""

    def title(self, *, event: Event | None, campaign: Campaign | None, params: dict[str, Any]) -> str:
        return self.verbose_name

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        raise NotImplementedError
