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
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The formats an officer may ask a document in: the PDF to print and file, its Word twin to finish.
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


def output_format(params: dict[str, Any]) -> str:
    return str(params.get("format") or "pdf")


def docx_output(content: bytes) -> Output:
    return Output(content, "docx", DOCX)


class BaseExporter:
    identifier: ClassVar[str]
    verbose_name: ClassVar[str]
    scope: ClassVar[str] = "event"  # "event" or "campaign"
    staff_only: ClassVar[bool] = False
    formats: ClassVar[tuple[str, ...]] = ("pdf", "docx")
    # The documents page asks `check` to grey the buttons out (an app above reports says why).
    checked_on_page: ClassVar[bool] = False

    def check(self, *, event: Event | None, campaign: Campaign | None, params: dict[str, Any]) -> str:
        """Empty when the document can be made now, else why not (in Vietnamese)."""
        return ""

    def title(self, *, event: Event | None, campaign: Campaign | None, params: dict[str, Any]) -> str:
        return self.verbose_name

    def full_title(self, *, event: Event | None, campaign: Campaign | None, params: dict[str, Any]) -> str:
        """The job's title with its format when not the PDF: "Giấy mời: … (Word)"."""
        title = self.title(event=event, campaign=campaign, params=params)
        fmt = output_format(params)
        return title if fmt == "pdf" else f"{title} ({FORMAT_LABELS.get(fmt, fmt)})"

    def render(self, report: GeneratedReport, progress: Progress) -> Output:
        raise NotImplementedError
