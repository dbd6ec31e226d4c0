"""The Word twin's blocks shared by every document: heading, event block, signature (the same
values the PDF templates print, from the issuing body's document profile)."""

from typing import Any

from units.selectors import IssuerBlock

from ..renderers.docx import Heading, Signature, Text


def heading(body: IssuerBlock, *, number_code: str, date_line: str) -> Heading:
    return Heading(body.governing_name, body.name_lines, number_code, date_line)


def numbered_heading(body: IssuerBlock, *, number: str, date_line: str) -> Heading:
    """The heading of a document already numbered from its register ("Số: 12/QĐ-UBND")."""
    return Heading(body.governing_name, body.name_lines, "", date_line, number=number)


def signature(body: IssuerBlock) -> Signature:
    return Signature(body.signature_lines, body.signer_name, body.recipients)


def title(text: str, *, space_before: float = 18) -> Text:
    return Text(text, bold=True, align="center", space_before=space_before, space_after=0)


def event_block(event_heading: dict[str, Any]) -> list[Text]:
    """The event's name, its ordinal and its venue and date, as _event_block.html prints them."""
    return [
        Text(
            event_heading["event_name"], bold=True, align="center", upper=True, space_before=10, space_after=0
        ),
        Text(event_heading["ordinal_line"], bold=True, align="center", space_after=0),
        Text(event_heading["venue_date_line"], italic=True, align="center", space_after=12),
    ]
