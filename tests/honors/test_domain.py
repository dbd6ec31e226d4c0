"""Pure rules: no database."""

import pytest

from honors.domain import (
    PresenterFacts,
    award_fits_recipient,
    check_award_period,
    check_nomination_target,
    check_raise,
    check_review,
    may_review,
    presenter_spread,
)


@pytest.mark.parametrize(
    ("role", "reviewer_unit", "kind", "parent", "allowed"),
    [
        ("officer", 61, "commune", 61, True),  # Ba Bể reviews its commune
        ("officer", 61, "town", 61, True),
        ("officer", 66, "commune", 61, False),  # Na Rì does not review Ba Bể's communes
        ("staff", None, "commune", 61, False),  # communes are the district's to review
        ("staff", None, "district", 1, True),
        ("staff", None, "department", 1, True),
        ("staff", None, "province", None, True),
        ("officer", 61, "district", 1, False),  # a district does not review itself
        ("officer", 5, "commune", 5, True),
        ("leadership", None, "district", 1, False),
        ("officer", None, "commune", 61, False),
    ],
)
def test_who_reviews_whom(role, reviewer_unit, kind, parent, allowed):
    decision = may_review(
        reviewer_role=role, reviewer_unit_id=reviewer_unit, proposer_kind=kind, proposer_parent_id=parent
    )
    assert decision.allowed is allowed
    assert bool(decision.reason) is (not allowed)


@pytest.mark.parametrize(
    ("proposed", "new", "allowed"),
    [(2, None, False), (2, 1, False), (2, 2, False), (2, 3, True), (1, 5, True), (5, 5, False)],
)
def test_a_raise_must_go_higher(proposed, new, allowed):
    assert check_raise(proposed_level=proposed, new_level=new).allowed is allowed


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


def _p(field="Y tế", *, kind="individual", woman=False, ethnic="Kinh", worker=False, unit_kind="commune"):
    return PresenterFacts(kind=kind, field=field, unit_kind=unit_kind, is_woman=woman, ethnic_group=ethnic,
                          is_direct_worker=worker)  # fmt: skip


def test_an_empty_spread_warns_that_nothing_is_chosen():
    report = presenter_spread([])
    assert report.total == 0
    assert report.warnings == ("Chưa chọn báo cáo tham luận nào.",)


def test_a_balanced_spread_has_no_warning():
    report = presenter_spread(
        [_p("Y tế", woman=True), _p("Giáo dục và đào tạo", ethnic="Tày", worker=True),
         _p("Nông nghiệp, nông thôn", kind="collective", ethnic="")]
    )  # fmt: skip
    assert report.warnings == ()
    assert report.counts["Cân đối"] == {
        "Nữ": 1,
        "Dân tộc thiểu số": 1,
        "Người trực tiếp lao động, sản xuất": 1,
    }
    assert report.counts["Lĩnh vực"]["Y tế"] == 1


def test_exactly_sixty_percent_of_one_field_is_not_dominance():
    chosen = [_p("Y tế", woman=True, ethnic="Tày", worker=True)] * 3 + [
        _p("Văn hóa, thể thao", kind="collective")
    ] * 2
    report = presenter_spread(chosen)
    assert not any("chiếm" in w for w in report.warnings)


def test_over_sixty_percent_of_one_field_warns():
    chosen = [_p("Y tế", woman=True, ethnic="Tày", worker=True)] * 4 + [
        _p("Văn hóa, thể thao", kind="collective")
    ]
    report = presenter_spread(chosen)
    assert any("“Y tế” chiếm 80%" in w for w in report.warnings)


def test_missing_women_minorities_and_workers_warn():
    report = presenter_spread([_p("Y tế"), _p("Giáo dục và đào tạo", kind="collective")])
    assert "Chưa có báo cáo của nữ." in report.warnings
    assert "Chưa có báo cáo của người dân tộc thiểu số." in report.warnings
    assert "Chưa có báo cáo của người trực tiếp lao động, sản xuất." in report.warnings


def test_all_individuals_warns_about_components():
    report = presenter_spread(
        [_p("Y tế", woman=True, ethnic="Dao", worker=True), _p("Giáo dục và đào tạo")],
        kind_labels={"individual": "Cá nhân"},
    )
    assert any("cá nhân" in w for w in report.warnings)


def test_a_single_presenter_is_not_a_dominance():
    report = presenter_spread([_p("Y tế", woman=True, ethnic="Tày", worker=True)])
    assert report.warnings == ()


def test_a_department_event_is_not_warned_about_its_own_field():
    chosen = [_p("Y tế", woman=True, ethnic="Tày", worker=True)] * 3 + [_p("Y tế", kind="collective")]
    assert presenter_spread(chosen, check_field_variety=False).warnings == ()
    assert presenter_spread(chosen).warnings != ()
