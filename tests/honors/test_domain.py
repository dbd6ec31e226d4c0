"""The presenters' spread: no database. The campaign rules of awards are in tests/congresses/test_rules_awards.py."""

from honors.domain import PresenterFacts, presenter_spread


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
