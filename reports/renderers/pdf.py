"""HTML templates to PDF with WeasyPrint (the only module that imports it).

A batch (one page per delegate or per exemplar) is rendered as one HTML
document per chunk of pages and the chunks' pages are joined into one PDF:
as fast as a single document (measured in bench/invitations_500.py) while the
job can report its progress after each chunk.
"""

import logging
import mimetypes
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string

from reports.domain import chunk_bounds

# WeasyPrint logs every rendering step at INFO; keep its warnings (missing glyphs, fonts) only.
for _name in ("weasyprint", "weasyprint.progress"):
    logging.getLogger(_name).setLevel(logging.WARNING)

import weasyprint  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

Progress = Callable[[int, int], None]

# Big enough that per-document overhead stays small, small enough to report progress often.
DEFAULT_CHUNK = 50


def static_base_url() -> str:
    """Fonts and images are loaded from the bundled static folder, the same on every machine."""
    return Path(settings.BASE_DIR, "static").as_uri() + "/"


# What a document may load: the bundled fonts, style sheets and images, nothing else.
STATIC_SUFFIXES = frozenset({".ttf", ".otf", ".woff", ".woff2", ".css", ".png", ".jpg", ".jpeg", ".svg"})


class StaticOnlyFetcher(URLFetcher):
    """Serves only files inside the portal's own `static/` folder (fonts, css, images).

    Every other URL is refused before anything is opened: http(s)://, ftp://, data:, a
    file:// path outside static/ (file:///etc/passwd), a path that climbs out with `..`
    or a symbolic link, a file:// URL naming a host. A refused URL makes WeasyPrint log a
    warning and leave the resource out; the document still renders.
    """

    def __init__(self, root: Path | None = None) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = (root or Path(settings.BASE_DIR, "static")).resolve()

    def path_for(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Refused (not a static file of the portal): {url[:200]}")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or path.suffix.lower() not in STATIC_SUFFIXES:
            raise ValueError(f"Refused (outside the portal's static files): {url[:200]}")
        if not path.is_file():
            raise ValueError(f"No such static file: {url[:200]}")
        return path

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self.path_for(url)
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mimetype})


def _html(html: str) -> weasyprint.HTML:
    return weasyprint.HTML(string=html, base_url=static_base_url(), url_fetcher=StaticOnlyFetcher())


def html_to_pdf(html: str) -> bytes:
    return _html(html).write_pdf()


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
    if pages is None:
        pdf = _html(render_to_string(template_name, context)).write_pdf()
        if on_progress:
            on_progress(1, 1)
        return pdf
    bounds = chunk_bounds(len(pages), chunk_size or DEFAULT_CHUNK) or [(0, 0)]
    font_config = FontConfiguration()
    documents = []
    for start, end in bounds:
        html = render_to_string(template_name, {**context, "pages": pages[start:end], "page_offset": start})
        documents.append(_html(html).render(font_config=font_config))
        if on_progress:
            on_progress(end, len(pages))
    all_pages = [page for document in documents for page in document.pages]
    return documents[0].copy(all_pages).write_pdf()
