"""The user guide (Hướng dẫn sử dụng): one per role, in the portal and as a PDF to print."""

import hashlib
import io

import pytest
from django.conf import settings
from django.urls import reverse
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
        assert section.title in html
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
        assert section.title in text
    pictures = {hashlib.sha256(image.data).hexdigest() for page in reader.pages for image in page.images}
    assert len(pictures) == len(STAFF.sections)


def test_an_unknown_guide_is_a_vietnamese_404_and_strangers_log_in_first(client, unit_manager):
    assert client.get(reverse("guide", args=[STAFF.key])).status_code == 302
    client.force_login(unit_manager)
    response = client.get(reverse("guide", args=["khong-co"]))
    assert response.status_code == 404
    assert "Không" in response.content.decode()
