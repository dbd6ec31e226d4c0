"""The PDF renderer loads only the portal's own static files (fonts, css, images)."""

import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from reports.renderers.pdf import StaticOnlyFetcher, html_to_pdf
from tests.reports import pdf_text

STATIC = Path(settings.BASE_DIR, "static")

HOSTILE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="http://example.org/evil.css">
<link rel="attachment" href="file:///etc/passwd">
<style>
@import url("https://example.org/import.css");
@font-face { font-family: "Liberation Serif"; src: url("fonts/LiberationSerif-Regular.ttf"); }
html { font-family: "Liberation Serif"; }
body { background: url("file:///etc/passwd"); }
</style></head><body>
<p>Giấy mời an toàn</p>
<img src="file:///etc/passwd"><img src="http://example.org/pixel.png">
<img src="../../../../etc/passwd"><img src="fonts/../../manage.py">
<a rel="attachment" href="http://example.org/x.txt">x</a>
</body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    opened = []

    def refuse(self, url, *args, **kwargs):
        opened.append(getattr(url, "full_url", url))
        raise AssertionError("the PDF renderer must not open any URL itself")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    return opened


def test_it_renders_a_hostile_template_without_fetching_anything(no_network, monkeypatch):
    served = []
    original = StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        response = original(self, url, headers)
        served.append(url)
        return response

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", spy)
    pdf = html_to_pdf(HOSTILE)
    reader = pdf_text.read(pdf)
    assert "Giấy mời an toàn" in pdf_text.page_texts(reader)[0]
    assert served == [(STATIC / "fonts" / "LiberationSerif-Regular.ttf").as_uri()]  # only the bundled font
    assert b"root:" not in pdf and b"/EmbeddedFile" not in pdf  # /etc/passwd never attached
    assert no_network == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/",
        "https://example.org/font.ttf",
        "ftp://example.org/a.css",
        "data:text/css,body{}",
        (STATIC / "fonts" / ".." / ".." / "manage.py").as_uri(),
        "file://evil.example.org" + (STATIC / "fonts" / "LiberationSerif-Regular.ttf").as_posix(),
        (STATIC / "fonts" / "LICENSE-LiberationSerif.txt").as_uri(),
        (STATIC / "fonts" / "missing.ttf").as_uri(),
    ],
)
def test_it_refuses_every_url_but_a_static_file(url):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_it_refuses_a_symbolic_link_out_of_static(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "evil.css").symlink_to("/etc/passwd")
    with pytest.raises(ValueError):
        StaticOnlyFetcher(root=tmp_path).fetch((tmp_path / "fonts" / "evil.css").as_uri())


def test_it_serves_a_bundled_font():
    response = StaticOnlyFetcher().fetch((STATIC / "fonts" / "LiberationSerif-Bold.ttf").as_uri())
    assert response.read()[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO")
    assert response.content_type == "font/ttf"
