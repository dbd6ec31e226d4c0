"""Pure rules of unit plans: file type from content, size, deadline, review. No database."""

from datetime import date

import pytest

from congresses.domain import (
    OLE_MAGIC,
    PLAN_MAX_BYTES,
    DocumentFacts,
    PlanState,
    check_plan_file,
    check_plan_review,
    format_file_size,
    plan_status,
    plan_timeliness,
)

DEADLINE = date(2024, 8, 1)


def test_a_pdf_is_recognised_from_its_magic_bytes():
    check = check_plan_file(DocumentFacts(size=1000, head=b"%PDF-1.7"))
    assert check.allowed and check.file_type == "pdf" and check.extension == ".pdf"


def test_a_docx_needs_the_word_main_part_inside_the_zip():
    good = DocumentFacts(
        size=5000, head=b"PK\x03\x04", zip_names=("[Content_Types].xml", "word/document.xml")
    )
    assert check_plan_file(good).file_type == "docx"
    xlsx = DocumentFacts(size=5000, head=b"PK\x03\x04", zip_names=("[Content_Types].xml", "xl/workbook.xml"))
    refused = check_plan_file(xlsx)
    assert not refused.allowed and "không phải văn bản Word" in refused.reason


@pytest.mark.parametrize(
    "facts",
    [
        DocumentFacts(size=5000, head=b"PK\x03\x04", zip_names=None),
        DocumentFacts(size=5000, head=b"PK\x03\x04", zip_names=("word/document.xml",), zip_intact=False),
    ],
)
def test_a_broken_zip_is_refused_in_vietnamese(facts):
    check = check_plan_file(facts)
    assert not check.allowed
    assert "bị hỏng" in check.reason


def test_a_doc_needs_the_ole_header_and_a_word_stream():
    assert check_plan_file(DocumentFacts(size=9000, head=OLE_MAGIC, has_word_stream=True)).file_type == "doc"
    assert not check_plan_file(DocumentFacts(size=9000, head=OLE_MAGIC, has_word_stream=False)).allowed


def test_a_renamed_executable_is_refused_whatever_its_name():
    check = check_plan_file(DocumentFacts(size=4096, head=b"MZ\x90\x00\x03\x00\x00\x00"))
    assert not check.allowed
    assert "không phải PDF hoặc Word" in check.reason


@pytest.mark.parametrize(
    ("size", "allowed"),
    [(0, False), (1, True), (PLAN_MAX_BYTES - 1, True), (PLAN_MAX_BYTES, True), (PLAN_MAX_BYTES + 1, False)],
)
def test_the_size_limit_boundaries(size, allowed):
    check = check_plan_file(DocumentFacts(size=size, head=b"%PDF-1.4"))
    assert check.allowed is allowed
    if size > PLAN_MAX_BYTES:
        assert "tối đa là 10 MB" in check.reason
    if size == 0:
        assert "trống" in check.reason


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 KB"),
        (500, "1 KB"),
        (850 * 1024, "850 KB"),
        (10 * 1024 * 1024, "10 MB"),
        (int(10.5 * 1024 * 1024), "10,5 MB"),
    ],
)
def test_file_sizes_read_the_vietnamese_way(size, text):
    assert format_file_size(size) == text


@pytest.mark.parametrize(
    ("submitted_on", "on_time"),
    [(date(2024, 7, 31), True), (date(2024, 8, 1), True), (date(2024, 8, 2), False)],
)
def test_the_deadline_day_itself_is_on_time_and_the_next_day_is_late(submitted_on, on_time):
    decision = plan_timeliness(deadline=DEADLINE, submitted_on=submitted_on)
    assert decision.on_time is on_time
    if not on_time:
        assert decision.reason == "Nộp muộn 1 ngày so với hạn 01/08/2024."


def test_a_missing_plan_is_overdue_only_after_the_deadline():
    before = plan_status(review_status=None, first_submitted_on=None, deadline=DEADLINE, today=DEADLINE)
    after = plan_status(
        review_status=None, first_submitted_on=None, deadline=DEADLINE, today=date(2024, 8, 2)
    )
    assert before.state == after.state == PlanState.MISSING
    assert not before.late and after.late
    assert after.matches(PlanState.LATE) and after.matches(PlanState.MISSING)
    assert not before.matches(PlanState.LATE)


def test_a_late_plan_keeps_its_review_state_and_is_flagged_late():
    status = plan_status(
        review_status="approved",
        first_submitted_on=date(2024, 8, 10),
        deadline=DEADLINE,
        today=date(2024, 9, 1),
    )
    assert status.state == PlanState.APPROVED and status.late
    assert status.matches(PlanState.LATE) and status.matches(PlanState.APPROVED)
    assert not status.matches(PlanState.SUBMITTED)
    assert status.matches("")


def test_returning_a_plan_needs_a_comment():
    refused = check_plan_review(current_status="submitted", action="return", comment="   ")
    assert not refused.allowed and "ghi rõ ý kiến" in refused.reason
    assert check_plan_review(current_status="submitted", action="return", comment="Bổ sung").allowed
    assert check_plan_review(current_status="submitted", action="approve", comment="").allowed


@pytest.mark.parametrize("status", ["approved", "returned"])
def test_only_a_submitted_plan_can_be_reviewed(status):
    assert not check_plan_review(current_status=status, action="approve", comment="").allowed


def test_an_unknown_review_action_is_refused():
    assert not check_plan_review(current_status="submitted", action="delete", comment="x").allowed


def test_unit_names_sort_in_vietnamese_alphabet_order():
    from congresses.domain import unit_sort_key

    names = ["Xã Đồng Phúc", "Xã Yến Dương", "Xã Dương Quang", "Xã Ân Tình", "Xã Bằng Phúc", "Xã An Thắng"]
    assert sorted(names, key=unit_sort_key) == [
        "Xã An Thắng", "Xã Ân Tình", "Xã Bằng Phúc", "Xã Dương Quang", "Xã Đồng Phúc", "Xã Yến Dương",
    ]  # fmt: skip
