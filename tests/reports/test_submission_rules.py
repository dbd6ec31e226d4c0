"""Pure rules of the submission and the decision's wording (no database)."""

from honors.domain import proposal_tally, register_allocate
from reports.domain import amount_with_words, decision_proposers, proposal_line
from units.domain import body_in_sentence, head_in_sentence


def test_the_tally_counts_individuals_and_collectives_per_form_and_the_money():
    tally = proposal_tally([("Bằng khen", "individual", 3_510_000), ("Giấy khen", "collective", 1_410_000),
                            ("Bằng khen", "collective", 7_020_000), ("Cờ", "collective", None)])  # fmt: skip
    assert [(r.award, r.individuals, r.collectives, r.amount) for r in tally.rows] == [
        ("Bằng khen", 1, 1, 10_530_000), ("Giấy khen", 0, 1, 1_410_000), ("Cờ", 0, 1, 0),
    ]  # fmt: skip
    assert (tally.individuals, tally.collectives, tally.total, tally.without_amount) == (1, 3, 11_940_000, 1)


def test_the_register_gives_the_next_number_keeps_a_typed_one_and_refuses_a_taken_one():
    assert (
        register_allocate(
            last_number=4, typed_number="", typed_seq=None, taken=False, register_label="sổ"
        ).seq
        == 5
    )
    kept = register_allocate(
        last_number=4, typed_number="9/QĐ-UBND", typed_seq=9, taken=False, register_label="sổ"
    )
    assert (kept.allowed, kept.seq, kept.last_number) == (True, 9, 9)
    lower = register_allocate(
        last_number=12, typed_number="3/QĐ-UBND", typed_seq=3, taken=False, register_label="sổ"
    )
    assert lower.last_number == 12  # a late hand-typed low number does not move the register back
    taken = register_allocate(
        last_number=4, typed_number="3/QĐ-UBND", typed_seq=3, taken=True, register_label="sổ X"
    )
    assert not taken.allowed and "Số 3/QĐ-UBND đã có trong sổ X" in taken.reason


def test_bodies_and_heads_read_as_sentences_name_them():
    assert (
        body_in_sentence(unit_kind="town", unit_name="Thị trấn Chợ Rã") == "Ủy ban nhân dân thị trấn Chợ Rã"
    )
    assert body_in_sentence(unit_kind="department", unit_name="Sở Y tế") == "Sở Y tế"
    assert head_in_sentence(unit_kind="province", unit_name="Tỉnh Bắc Kạn", head_title="CHỦ TỊCH") == (
        "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn"
    )
    assert (
        head_in_sentence(unit_kind="department", unit_name="Sở Y tế", head_title="GIÁM ĐỐC")
        == "Giám đốc Sở Y tế"
    )


def test_who_proposed_a_decision():
    district = (7, "Chủ tịch Ủy ban nhân dân huyện Ba Bể")
    assert decision_proposers(issuing_unit_id=1, event_unit=district, exemplar_units=[(9, "x")]) == (
        district[1],
    )
    own = decision_proposers(issuing_unit_id=7, event_unit=district,
                             exemplar_units=[(7, "a"), (9, "Ủy ban nhân dân xã Nam Mẫu"), (9, "Ủy ban nhân dân xã Nam Mẫu")])  # fmt: skip
    assert own == ("Ủy ban nhân dân xã Nam Mẫu",)
    assert proposal_line(proposers=(), organiser="Hội nghị X") == "Xét đề nghị của Ban Tổ chức Hội nghị X."
    assert proposal_line(
        proposers=("A",), organiser="X", submission="Tờ trình số 1/TTr-UBND ngày 10/09/2025"
    ) == ("Xét đề nghị của A tại Tờ trình số 1/TTr-UBND ngày 10/09/2025.")
    assert amount_with_words(2_340_000) == "2.340.000 đồng (Bằng chữ: Hai triệu ba trăm bốn mươi nghìn đồng)"
