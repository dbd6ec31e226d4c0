"""The portal's error pages (400, 403, 404, 500 and a refused CSRF token), in Vietnamese.

Each page (templates/400.html ... 500.html, 403_csrf.html) says what happened and
what to do, and offers a way back: the page the user came from (only when it is on
this site) and the home page. The 500 page is rendered without the request's
context processors, so a fault in one of them (or in the database) cannot break
the page that reports it.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme


def back_url(request: HttpRequest) -> str:
    """The page the user came from, if it is on this site and not the failing page itself."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer or referer == request.build_absolute_uri():
        return ""
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, {"back_url": back_url(request)}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        back = back_url(request)
    except Exception:  # noqa: BLE001 - the page that reports a fault must not fail (e.g. DisallowedHost)
        back = ""
    return HttpResponse(render_to_string("500.html", {"back_url": back}), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent without a valid token (page open too long, cookies blocked)."""
    return _page(request, "403_csrf.html", 403)
