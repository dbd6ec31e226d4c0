"""The narrative sections of the province's summary (issue 11): assembled from the units' results
reports and the pilots' lessons, with Sở Nội vụ's saved edit of each section.

`summary_narrative` adds three queries to the summary's (results reports, pilot lessons, the
saved edit) whatever the number of units.
"""

from dataclasses import dataclass

from congresses.models import Campaign
from core.text import vietnamese_key

from ..domain import (
    NARRATIVE_SECTIONS,
    NARRATIVE_TITLES,
    NarrativeInputs,
    TierFacts,
    UnitText,
    narrative_draft,
    narrative_text,
    paragraphs,
)
from ..models import PilotLesson, ResultReport, SummaryNarrative
from .figures import ATTENDED, DELEGATION_APPROVED, EVENTS_REPORTED, EXEMPLARS_HONOURED
from .summary import Summary


@dataclass(frozen=True)
class NarrativeSection:
    code: str
    title: str
    draft: str  # assembled from the reports
    edited: str  # Sở Nội vụ's saved text, empty when the section follows the reports

    @property
    def text(self) -> str:
        return narrative_text(draft=self.draft, edited=self.edited)

    @property
    def is_edited(self) -> bool:
        return bool(self.edited.strip())

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return paragraphs(self.text)


def _ordered(items: list[tuple[int, str, str]]) -> tuple[UnitText, ...]:
    """(tier order, unit name, text) -> by tier, then the unit's name in Vietnamese order."""
    items.sort(key=lambda item: (item[0], vietnamese_key(item[1])))
    return tuple(UnitText(unit, text) for _, unit, text in items if text.strip())


def narrative_inputs(*, campaign: Campaign, summary: Summary) -> NarrativeInputs:
    reports = list(
        ResultReport.objects.filter(event__campaign=campaign).values_list(
            "event__tier__order",
            "event__unit__name",
            "event__unit__is_pilot",
            "achievements",
            "shortcomings",
            "lessons",
        )  # fmt: skip
    )
    pilots = list(
        PilotLesson.objects.filter(event__campaign=campaign).values_list(
            "event__tier__order", "event__unit__name", "lessons", "council_comments"
        )
    )
    pilot_lessons = [(o, u, text) for o, u, text, _ in pilots]
    pilot_lessons += [(o, u, lessons) for o, u, pilot, _, _, lessons in reports if pilot]
    total = summary.figures.total
    return NarrativeInputs(
        tiers=summary.tier_facts,
        attended=total.value(ATTENDED),
        exemplars_honoured=total.value(EXEMPLARS_HONOURED),
        delegation_approved=total.value(DELEGATION_APPROVED),
        reports=total.value(EVENTS_REPORTED),
        achievements=_ordered([(o, u, a) for o, u, _, a, _, _ in reports]),
        shortcomings=_ordered([(o, u, s) for o, u, _, _, s, _ in reports]),
        pilot_lessons=_ordered(pilot_lessons),
        pilot_comments=_ordered([(o, u, c) for o, u, _, c in pilots]),
    )


def summary_narrative(*, campaign: Campaign, summary: Summary) -> list[NarrativeSection]:
    """The four sections, each with its assembled draft and its saved edit (if any)."""
    draft = narrative_draft(narrative_inputs(campaign=campaign, summary=summary))
    saved = SummaryNarrative.objects.filter(campaign=campaign).first()
    return [
        NarrativeSection(code, NARRATIVE_TITLES[code], draft[code], getattr(saved, code, "") if saved else "")
        for code in NARRATIVE_SECTIONS
    ]


__all__ = ["NarrativeSection", "TierFacts", "narrative_inputs", "summary_narrative"]
