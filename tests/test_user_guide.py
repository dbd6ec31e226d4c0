"""The user guide (Hướng dẫn sử dụng): one per role, in the portal and as a PDF to print."""

import hashlib
import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from bac_kan_emulation.guide import GUIDES, OFFICER, STAFF, all_shots

pytestmark = pytest.mark.django_db


def test_every_picture_the_guide_shows_is_shipped():
    missing = [
        shot.static_path
        for shot in all_shots()
        if not (settings.BASE_DIR / "static" / shot.static_path).is_file()
    ]
    assert missing == []


@pytest.mark.parametrize(("role", "own"), [("admin", STAFF), ("unit_manager", OFFICER), ("leadership", None)])
def test_each_role_finds_its_own_guide_first(request, client, role, own):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.get(reverse("guide_index"))
    assert response.status_code == 200
    guides = response.context["guides"]
    assert {guide.key for guide in guides} == {guide.key for guide in GUIDES}
    if own:
        assert guides[0] == own
    assert "vai trò của bạn" in response.content.decode()


def test_a_guide_page_shows_each_step_and_picture(client, unit_manager):
    client.force_login(unit_manager)
    html = client.get(reverse("guide", args=[OFFICER.key])).content.decode()
    for section in OFFICER.sections:
        assert str(section.title) in html
        assert f"/static/{section.shot.static_path}" in html
    assert reverse("guide_pdf", args=[OFFICER.key]) in html


def test_the_guide_downloads_as_a_pdf_with_its_sections_and_pictures(client, unit_manager):
    client.force_login(unit_manager)
    response = client.get(reverse("guide_pdf", args=[STAFF.key]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for section in STAFF.sections:
        assert str(section.title) in text
    pictures = {hashlib.sha256(image.data).hexdigest() for page in reader.pages for image in page.images}
    assert len(pictures) == len(STAFF.sections)


def test_an_unknown_guide_is_a_vietnamese_404_and_strangers_log_in_first(client, unit_manager):
    assert client.get(reverse("guide", args=[STAFF.key])).status_code == 302
    client.force_login(unit_manager)
    response = client.get(reverse("guide", args=["khong-co"]))
    assert response.status_code == 404
    assert "Không" in response.content.decode()


def english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_an_english_reader_gets_the_guides_in_english(client, unit_manager):
    client.force_login(unit_manager)
    english(client)
    index = client.get(reverse("guide_index")).content.decode()
    assert "Guide for unit officers" in index
    assert "Guide for officers of the Department of Home Affairs" in index
    assert "Hướng dẫn cho cán bộ đơn vị" not in index
    page = client.get(reverse("guide", args=[OFFICER.key])).content.decode()
    assert "Drawing up the delegate roster" in page
    assert "use “Import from Excel”" in page  # the button named as the English screen names it
    assert "Lập danh sách đại biểu" not in page


def test_the_english_guide_downloads_as_an_english_pdf(client, unit_manager):
    client.force_login(unit_manager)
    english(client)
    text = pdf_text(client.get(reverse("guide_pdf", args=[STAFF.key])))
    assert "Guide for officers of the Department of Home Affairs" in text
    assert "Reviewing the units' plans" in text
    assert "Page 1 / " in text
    assert "Xem xét kế hoạch của các đơn vị" not in text


def test_every_guide_text_has_its_english():
    texts = [
        text
        for guide in GUIDES
        for text in (guide.title, guide.audience)
        + tuple(t for section in guide.sections for t in (section.title, section.caption, *section.steps))
    ]
    with translation.override("vi"):
        vietnamese = [str(text) for text in texts]
    with translation.override("en"):
        english_texts = [str(text) for text in texts]
    assert [vi for vi, en in zip(vietnamese, english_texts, strict=True) if vi == en] == []


def test_vietnamese_stays_the_default_for_the_guide_and_its_pdf(client, unit_manager):
    client.force_login(unit_manager)
    page = client.get(reverse("guide", args=[OFFICER.key])).content.decode()
    assert "Hướng dẫn cho cán bộ đơn vị" in page
    assert "Guide for unit officers" not in page
    text = pdf_text(client.get(reverse("guide_pdf", args=[STAFF.key])))
    assert "Xem xét kế hoạch của các đơn vị" in text
    assert "Trang 1 / " in text
