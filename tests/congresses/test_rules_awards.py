"""The campaign rules of awards, nominations and publishing (congresses/rules.py, sections 6-7): no database."""

import json
from pathlib import Path

import pytest

from congresses.rules import (
    UNIT_KINDS,
    Authority,
    Publication,
    authority_path,
    award_fits_recipient,
    check_award_period,
    check_nomination_target,
    check_publication_refusal,
    check_raise,
    check_review,
    granting_authority,
    may_decide_publication,
    may_grant,
    may_propose,
    may_request_publication,
    may_review,
    may_withdraw_publication,
)
from units.models import UnitKind

# Reviewer facts as the services pass them (role booleans, never role strings).
OFFICER, STAFF, LEADERSHIP = "unit officer", "Sở Nội vụ", "leadership"
CATALOGUE = json.loads(
    (Path(__file__).resolve().parents[2] / "honors" / "data" / "award_types_2022.json").read_text(
        encoding="utf-8"
    )
)
FORMS = {row["name"]: row for row in CATALOGUE["award_types"]}


def _proposes(kind: str, name: str) -> bool:
    form = FORMS[name]
    return may_propose(
        unit_kind=kind,
        form_name=name,
        proposer_kinds=form["proposer_kinds"],
        form_authorities=form["authorities"],
    ).allowed


@pytest.mark.parametrize(
    ("role", "reviewer_unit", "kind", "parent", "allowed"),
    [
        (OFFICER, 61, "commune", 61, True),  # Ba Bể reviews its commune
        (OFFICER, 61, "town", 61, True),
        (OFFICER, 66, "commune", 61, False),  # Na Rì does not review Ba Bể's communes
        (STAFF, None, "commune", 61, False),  # communes are the district's to review
        (STAFF, None, "district", 1, True),
        (STAFF, None, "department", 1, True),
        (STAFF, None, "province", None, True),
        (OFFICER, 61, "district", 1, False),  # a district does not review itself
        (OFFICER, 5, "commune", 5, True),
        (LEADERSHIP, None, "district", 1, False),
        (OFFICER, None, "commune", 61, False),
    ],
)
def test_who_reviews_whom(role, reviewer_unit, kind, parent, allowed):
    decision = may_review(
        is_leadership=role == LEADERSHIP, is_home_affairs=role == STAFF, reviewer_unit_id=reviewer_unit,
        proposer_kind=kind, proposer_parent_id=parent,
    )  # fmt: skip
    assert decision.allowed is allowed
    assert bool(decision.reason) is (not allowed)


@pytest.mark.parametrize(
    ("proposed", "new", "allowed"),
    [(2, None, False), (2, 1, False), (2, 2, False), (2, 3, True), (1, 5, True), (5, 5, False)],
)
def test_a_raise_must_go_higher(proposed, new, allowed):
    decision = check_raise(
        proposed_level=proposed, new_level=new, proposer_kind="commune", new_authorities=["province_chair"]
    )
    assert decision.allowed is allowed


@pytest.mark.parametrize(
    ("year", "earlier", "allowed"),
    [
        (2019, False, False),
        (2020, False, True),
        (2025, False, True),
        (2026, False, False),
        (2010, True, True),
    ],
)
def test_an_award_must_fall_in_the_period_unless_earlier_history(year, earlier, allowed):
    decision = check_award_period(
        decision_year=year, period_start=2020, period_end=2025, is_earlier_history=earlier
    )
    assert decision.allowed is allowed
    if not allowed:
        assert "2020 - 2025" in decision.reason


@pytest.mark.parametrize(
    ("recipient", "kind", "allowed"),
    [("both", "individual", True), ("both", "collective", True), ("individual", "individual", True),
     ("individual", "collective", False), ("collective", "individual", False)],
)  # fmt: skip
def test_an_award_fits_its_recipient(recipient, kind, allowed):
    assert award_fits_recipient(award_recipient=recipient, exemplar_kind=kind).allowed is allowed


def test_a_rejection_needs_a_reason():
    assert not check_review(status="rejected", reason="  ").allowed
    assert check_review(status="rejected", reason="Chưa tiêu biểu").allowed
    assert check_review(status="accepted", reason="").allowed
    assert not check_review(status="pending", reason="").allowed


@pytest.mark.parametrize(
    ("target", "ex_unit", "ex_kind", "ex_parent", "ev_unit", "ev_kind", "allowed"),
    [
        ("own", 10, "commune", 61, 10, "commune", True),
        ("own", 10, "commune", 61, 61, "district", False),
        ("upper", 10, "commune", 61, 61, "district", True),
        ("upper", 10, "commune", 61, 66, "district", False),
        ("upper", 61, "district", 1, 1, "province", True),
        ("upper", 61, "district", 1, 66, "district", False),
        ("upper", 30, "department", 1, 1, "province", True),
        ("upper", 1, "province", None, 1, "province", False),
    ],
)
def test_a_nomination_targets_its_own_event_or_the_level_above(
    target, ex_unit, ex_kind, ex_parent, ev_unit, ev_kind, allowed
):
    decision = check_nomination_target(
        target=target, exemplar_unit_id=ex_unit, exemplar_unit_kind=ex_kind, exemplar_parent_id=ex_parent,
        event_unit_id=ev_unit, event_unit_kind=ev_kind,
    )  # fmt: skip
    assert decision.allowed is allowed


# --- Who proposes and who grants (Luật TĐKT 2022, Điều 77-80) ----------------------


def test_the_catalogue_cites_the_law_and_its_decree():
    assert "06/2022/QH15" in CATALOGUE["source"] and "152/2025/NĐ-CP" in CATALOGUE["source"]
    assert "98/2023/NĐ-CP" in CATALOGUE["source"]  # named as the decree it replaced


def test_the_unit_kinds_of_the_rules_are_the_unit_kinds_of_the_portal():
    assert UNIT_KINDS == {value for value, _ in UnitKind.choices}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_form_has_an_authority_and_every_listed_proposer_reaches_it(name):
    form = FORMS[name]
    assert form["authorities"], name
    for kind in form["proposer_kinds"]:
        assert kind in UNIT_KINDS
        assert granting_authority(form_authorities=form["authorities"], proposer_kind=kind), (name, kind)


def test_a_department_may_not_propose_a_commune_chairs_certificate():
    assert not _proposes("department", "Giấy khen của Chủ tịch UBND cấp xã")
    assert not _proposes("department", "Giấy khen của Chủ tịch UBND cấp huyện")
    assert _proposes("department", "Giấy khen của Thủ trưởng sở, ban, ngành")
    assert _proposes("department", "Bằng khen của Chủ tịch UBND tỉnh")


@pytest.mark.parametrize(
    ("kind", "name", "allowed"),
    [
        ("commune", "Giấy khen của Chủ tịch UBND cấp xã", True),
        ("commune", "Giấy khen của Chủ tịch UBND cấp huyện", True),
        ("commune", "Gia đình văn hóa", True),
        ("commune", "Giấy khen của Thủ trưởng sở, ban, ngành", False),
        ("district", "Giấy khen của Chủ tịch UBND cấp xã", False),
        ("district", "Giấy khen của Chủ tịch UBND cấp huyện", True),
        ("district", "Gia đình văn hóa", False),
        ("mass_org", "Giấy khen của Thủ trưởng sở, ban, ngành", True),
        ("enterprise", "Giấy khen của Chủ tịch UBND cấp huyện", False),
        ("enterprise", "Chiến sĩ thi đua cơ sở", True),
        ("province", "Giấy khen của Chủ tịch UBND cấp huyện", False),
        ("province", "Bằng khen của Chủ tịch UBND tỉnh", True),
        ("ward", "Huân chương Lao động hạng Ba", True),
        ("department", "Chiến sĩ tiên tiến", False),  # granted inside the armed forces, not proposed here
    ],
)
def test_which_forms_a_unit_may_propose(kind, name, allowed):
    assert _proposes(kind, name) is allowed


def test_a_refused_proposal_names_the_form():
    form = FORMS["Giấy khen của Chủ tịch UBND cấp xã"]
    decision = may_propose(unit_kind="department", form_name="Giấy khen của Chủ tịch UBND cấp xã",
                           proposer_kinds=form["proposer_kinds"], form_authorities=form["authorities"])  # fmt: skip
    assert "không được đề nghị “Giấy khen của Chủ tịch UBND cấp xã”" in decision.reason


@pytest.mark.parametrize(
    ("name", "kind", "authority"),
    [
        ("Lao động tiên tiến", "commune", Authority.COMMUNE_CHAIR),
        ("Lao động tiên tiến", "district", Authority.DISTRICT_CHAIR),
        ("Lao động tiên tiến", "department", Authority.DEPARTMENT_HEAD),
        ("Chiến sĩ thi đua cơ sở", "commune", Authority.DISTRICT_CHAIR),  # a commune cannot grant it
        ("Thôn, tổ dân phố văn hóa", "town", Authority.DISTRICT_CHAIR),  # Điều 80 khoản 2
        ("Bằng khen của Chủ tịch UBND tỉnh", "commune", Authority.PROVINCE_CHAIR),
        ("Bằng khen của Thủ tướng Chính phủ", "department", Authority.PRIME_MINISTER),
        ("Huân chương Lao động hạng Ba", "district", Authority.PRESIDENT),
        ("Giấy khen của Chủ tịch UBND cấp xã", "department", None),
    ],
)
def test_which_authority_grants_a_form(name, kind, authority):
    assert granting_authority(form_authorities=FORMS[name]["authorities"], proposer_kind=kind) == authority


def test_a_provincial_bang_khen_is_not_granted_under_a_communes_decision():
    form = FORMS["Bằng khen của Chủ tịch UBND tỉnh"]
    refused = may_grant(issuer_authority=Authority.COMMUNE_CHAIR, form_name="Bằng khen của Chủ tịch UBND tỉnh",
                        form_authorities=form["authorities"])  # fmt: skip
    assert not refused
    assert refused.reason.startswith(
        "Chủ tịch UBND cấp xã không có thẩm quyền tặng “Bằng khen của Chủ tịch UBND tỉnh”"
    )
    assert "Chủ tịch UBND tỉnh" in refused.reason
    assert may_grant(issuer_authority=Authority.PROVINCE_CHAIR, form_name="Bằng khen",
                     form_authorities=form["authorities"])  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "name", "allowed"),
    [
        ("commune", "Giấy khen của Chủ tịch UBND cấp huyện", True),  # the district's own form
        ("commune", "Bằng khen của Chủ tịch UBND tỉnh", True),
        ("district", "Bằng khen của Chủ tịch UBND tỉnh", True),
        ("department", "Giấy khen của Chủ tịch UBND cấp huyện", False),  # not on Sở Nội vụ's path
        ("district", "Chiến sĩ thi đua cơ sở", False),  # granted below the province
    ],
)
def test_a_raise_goes_only_to_a_form_on_the_reviewers_authority_path(kind, name, allowed):
    form = FORMS[name]
    decision = check_raise(proposed_level=1, new_level=form["level"], proposer_kind=kind,
                           new_authorities=form["authorities"])  # fmt: skip
    assert decision.allowed is allowed


# --- Publishing on the public page -----------------------------------------------------


def test_a_unit_requests_publication_only_with_a_story():
    assert may_request_publication(status=Publication.DRAFT, has_story=True, is_unit_writer=True)
    assert may_request_publication(status=Publication.REFUSED, has_story=True, is_unit_writer=True)
    assert (
        "đoạn giới thiệu"
        in may_request_publication(status="draft", has_story=False, is_unit_writer=True).reason
    )
    assert not may_request_publication(status=Publication.APPROVED, has_story=True, is_unit_writer=True)
    assert not may_request_publication(status=Publication.DRAFT, has_story=True, is_unit_writer=False)


@pytest.mark.parametrize(
    ("role", "reviewer_unit", "kind", "parent", "allowed"),
    [
        (OFFICER, 61, "commune", 61, True),  # the district approves its commune
        (OFFICER, 10, "commune", 61, False),  # the commune does not approve itself
        (STAFF, None, "commune", 61, False),
        (STAFF, None, "district", 1, True),
        (STAFF, None, "department", 1, True),
        (OFFICER, 61, "district", 1, False),  # a district does not approve itself
        (OFFICER, 30, "department", 1, False),
        (LEADERSHIP, None, "district", 1, False),
    ],
)
def test_who_approves_publication(role, reviewer_unit, kind, parent, allowed):
    decision = may_decide_publication(
        status=Publication.REQUESTED, is_leadership=role == LEADERSHIP, is_home_affairs=role == STAFF,
        reviewer_unit_id=reviewer_unit, unit_kind=kind, unit_parent_id=parent,
    )  # fmt: skip
    assert decision.allowed is allowed
    assert bool(decision.reason) is (not allowed)


def test_only_a_pending_request_is_approved():
    decision = may_decide_publication(status=Publication.DRAFT, is_leadership=False, is_home_affairs=True,
                                      reviewer_unit_id=None, unit_kind="district", unit_parent_id=1)  # fmt: skip
    assert not decision and "không có đề nghị công bố" in decision.reason


def test_a_refusal_needs_a_reason():
    assert not check_publication_refusal(reason="  ")
    assert check_publication_refusal(reason="Câu chuyện còn thông tin riêng tư")


@pytest.mark.parametrize(
    ("status", "writer", "reviewer", "allowed"),
    [
        (Publication.APPROVED, True, False, True),
        (Publication.APPROVED, False, True, True),
        (Publication.REQUESTED, True, False, True),
        (Publication.APPROVED, False, False, False),
        (Publication.DRAFT, True, True, False),
    ],
)
def test_the_unit_or_the_reviewer_withdraws_at_once(status, writer, reviewer, allowed):
    assert (
        may_withdraw_publication(status=status, is_unit_writer=writer, is_reviewer=reviewer).allowed
        is allowed
    )


def test_a_special_zones_proposals_climb_from_its_own_chair_straight_to_the_province():
    assert authority_path("special_zone") == (
        Authority.COMMUNE_CHAIR,
        Authority.PROVINCE_CHAIR,
        Authority.PRIME_MINISTER,
        Authority.PRESIDENT,
    )
