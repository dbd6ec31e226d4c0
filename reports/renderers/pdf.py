"""HTML templates to PDF with WeasyPrint (the only module that imports it).

A batch (one page per delegate or per exemplar) is rendered as one HTML
document per chunk of pages and the chunks' pages are joined into one PDF:
as fast as a single document (measured in bench/invitations_500.py) while the
job can report its progress after each chunk.
"""

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string

from reports.domain import chunk_bounds

# WeasyPrint logs every rendering step at INFO; keep its warnings (missing glyphs, fonts) only.
for _name in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(_name).setLevel(logging.WARNING)

import weasyprint  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

Progress = Callable[[int, int], None]

# Big enough that per-document overhead stays small, small enough to report progress often.
DEFAULT_CHUNK = 50


def static_base_url() -> str:
    """Fonts and images are loaded from the bundled static folder, the same on every machine."""
    return Path(settings.BASE_DIR, "static").as_uri() + "/"


def html_to_pdf(html: str) -> bytes:
    return weasyprint.HTML(string=html, base_url=static_base_url()).write_pdf()


def render_pdf(
    *,
    template_name: str,
    context: dict[str, Any],
    pages: Sequence[Any] | None = None,
    chunk_size: int | None = None,
    on_progress: Progress | None = None,
) -> bytes:
    """Render `template_name` to PDF bytes.

    Without `pages` the template is one document. With `pages`, the template is
    rendered with `pages` set to each chunk in turn (every page breaks after
    itself) and the laid-out pages are joined into one file.
    """
    base_url = static_base_url()
    if pages is None:
        html = render_to_string(template_name, context)
        pdf = weasyprint.HTML(string=html, base_url=base_url).write_pdf()
        if on_progress:
            on_progress(1, 1)
        return pdf
    bounds = chunk_bounds(len(pages), chunk_size or DEFAULT_CHUNK) or [(0, 0)]
    font_config = FontConfiguration()
    documents = []
    for start, end in bounds:
        html = render_to_string(template_name, {**context, "pages": pages[start:end], "page_offset": start})
        documents.append(weasyprint.HTML(string=html, base_url=base_url).render(font_config=font_config))
        if on_progress:
            on_progress(end, len(pages))
    all_pages = [page for document in documents for page in document.pages]
    return documents[0].copy(all_pages).write_pdf()
