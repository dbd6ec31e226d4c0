"""English complete, Python side: what Python code says to an officer follows the language switch.

Vietnamese stays the default; an officer who picks "English" in the switch (django's set_language,
read back by units.middleware.PortalLanguageMiddleware) gets English messages, form errors, import
errors and reminder e-mails. The import template's lists stay Vietnamese in both languages.
"""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time

from delegates.importer import category_labels
from delegates.models import Delegate
from oversight.tasks import reminders_send_daily
from tests.delegates.conftest import FORM, url
from tests.delegates.test_views_roster_excel import xlsx_upload
from tests.factories import DelegateFactory, EventFactory
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune_event(units, campaign):
    return EventFactory(unit=units["chora"], campaign=campaign, tier_code="commune", date=date(2025, 2, 20))


def english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_delegate_form_refuses_a_bad_year_in_english(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    english(client)
    response = client.post(url("add", commune_event), {**FORM, "birth_year": "1800"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["birth_year"] == ["The year of birth must be between 1900 and 2025."]
    assert not commune_event.delegates.exists()


def test_the_delegate_form_still_speaks_vietnamese_by_default(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    response = client.post(
        url("add", commune_event), {**FORM, "birth_year": "1800"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert response.context["form"].errors["birth_year"] == ["Năm sinh phải từ 1900 đến 2025."]


def test_the_message_after_saving_is_english(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    english(client)
    response = client.post(url("add", commune_event), FORM, follow=True)
    assert "Delegate Nguyễn Văn An added." in messages_of(response)


def test_the_message_after_saving_is_vietnamese_by_default(client, unit_manager, commune_event):
    client.force_login(unit_manager)
    response = client.post(url("add", commune_event), FORM, follow=True)
    assert "Đã thêm đại biểu Nguyễn Văn An." in messages_of(response)


def test_an_import_error_names_row_and_column_in_english(client, unit_manager, commune_event):
    rows = DelegateFactory.create_batch(2, event=commune_event)
    rows[1].birth_year = 1800
    upload = xlsx_upload(rows)
    Delegate.objects.all().delete()
    client.force_login(unit_manager)
    english(client)
    response = client.post(url("import", commune_event), {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    # The column keeps the template's own (Vietnamese) header, which is what the officer sees in Excel.
    assert (
        "Row 5, column E (Năm sinh): year of birth 1800 is not valid (it must be from 1900 to 2025)." in page
    )
    assert not commune_event.delegates.exists()


def test_the_import_template_lists_stay_vietnamese_in_english():
    with translation.override("en"):
        assert str(Delegate.Category.GUEST.label) == "Guests"
        assert category_labels()[Delegate.Category.GUEST] == "Khách mời"


@pytest.fixture
def officer_with_mail(units):
    return User.objects.create_user(
        username="o1", role="officer", unit=units["chora"], email="chora@example.vn"
    )


def test_a_reminder_sent_while_english_is_active_has_an_english_subject(campaign, units, officer_with_mail):
    with translation.override("en"), freeze_time("2024-07-25"):  # a week before the plan deadline (1 August)
        reminders_send_daily.delay().get()
    [message] = mail.outbox
    assert message.subject.split("] ")[1] == "Plan deadline approaching — Thị trấn Chợ Rã"
    assert message.body.startswith("Dear Thị trấn Chợ Rã,")
    assert "Deadline: 01/08/2024 (is approaching)." in message.body


def test_a_reminder_is_vietnamese_by_default(campaign, units, officer_with_mail):
    with freeze_time("2024-07-25"):
        reminders_send_daily.delay().get()
    [message] = mail.outbox
    assert message.subject.split("] ")[1] == "Sắp đến hạn nộp kế hoạch — Thị trấn Chợ Rã"
    assert message.body.startswith("Kính gửi Thị trấn Chợ Rã,")
