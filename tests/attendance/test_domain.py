"""Personal codes, QR drawings, the hall (attendance/domain.py)."""

import pytest

from attendance import domain


def test_a_signed_code_reads_back_and_a_forged_one_does_not():
    token = domain.make_token(invitation_id=42, nonce="abc123")
    assert domain.read_token(token) == (42, "abc123")
    assert domain.read_token("http://portal/moi/" + token + "/") == (42, "abc123")  # a scanned link
    forged = token.replace("42-", "43-")
    assert domain.read_token(forged) is None
    assert domain.read_token("42-abc123") is None
    assert domain.read_token("") is None


def test_short_codes_are_read_aloud_without_ambiguous_letters():
    code = domain.new_short_code()
    assert len(code) == 9 and code[4] == "-"
    assert not set(code) & set("01OIL")
    assert domain.normalise_short_code(code.lower().replace("-", " ")) == code
    assert domain.normalise_short_code("ABC") == ""


def test_the_qr_is_vector_svg_without_a_fixed_size():
    svg = domain.qr_svg("http://127.0.0.1:8000/moi/x/")
    assert svg.startswith("<svg") and "viewBox" in svg and "width=" not in svg.split(">")[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("A: 20\nB: 18", [("A", 20), ("B", 18)]), ("a:3", [("A", 3)])],
)
def test_the_hall_is_read_row_by_row(text, expected):
    assert domain.parse_hall_rows(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("A 20", "theo mẫu"), ("A: 0", "từ 1 đến 200"), ("A: 2\nA: 3", "đã có ở trên"), ("", "Chưa có hàng")],
)
def test_a_bad_hall_says_which_line(text, message):
    assert message in domain.parse_hall_rows(text)


def test_seats_go_to_leaders_first_then_by_delegation_and_name():
    requests = [
        domain.SeatRequest(1, "Xã B", 1, "an"),
        domain.SeatRequest(2, "Xã A", 1, "binh"),
        domain.SeatRequest(3, "Xã C", 0, "cuong"),
    ]
    placed, unseated = domain.assign_seats(requests, [(10, 2), (11, 5)])
    assert placed == {3: (10, 1), 2: (10, 2), 1: (11, 1)}
    assert unseated == 0
    _placed, unseated = domain.assign_seats(requests, [(10, 2)])
    assert unseated == 1
