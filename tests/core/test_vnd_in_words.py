"""Amounts in words ("Bằng chữ") as a decision writes them: core.text.vnd_in_words."""

import pytest

from core.text import vnd_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (1, "Một đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),  # "một" after mười, "mốt" only after mươi
        (14, "Mười bốn đồng"),  # "tư" only after mươi
        (15, "Mười lăm đồng"),
        (20, "Hai mươi đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (25, "Hai mươi lăm đồng"),
        (55, "Năm mươi lăm đồng"),
        (100, "Một trăm đồng"),
        (101, "Một trăm linh một đồng"),
        (104, "Một trăm linh bốn đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (115, "Một trăm mười lăm đồng"),
        (1_000, "Một nghìn đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (1_050, "Một nghìn không trăm năm mươi đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (710_000, "Bảy trăm mười nghìn đồng"),
        (1_410_000, "Một triệu bốn trăm mười nghìn đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_050_000, "Hai triệu không trăm năm mươi nghìn đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (45_000_000, "Bốn mươi lăm triệu đồng"),
        (
            123_456_789,
            "Một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín đồng",
        ),
        (1_000_000_000, "Một tỷ đồng"),
        (2_000_000_005, "Hai tỷ không trăm linh năm đồng"),
        (
            1_001_001_001,
            "Một tỷ không trăm linh một triệu không trăm linh một nghìn không trăm linh một đồng",
        ),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (5_021_000_000_000, "Năm nghìn không trăm hai mươi mốt tỷ đồng"),
    ],
)
def test_it_reads_the_amount_the_vietnamese_way(amount, words):
    assert vnd_in_words(amount) == words


def test_it_reads_the_southern_le_and_nham_when_asked():
    assert vnd_in_words(105, odd="lẻ") == "Một trăm lẻ năm đồng"
    assert vnd_in_words(1_005_000, odd="lẻ") == "Một triệu không trăm lẻ năm nghìn đồng"
    assert vnd_in_words(25, five="nhăm") == "Hai mươi nhăm đồng"
    assert vnd_in_words(15, five="nhăm") == "Mười lăm đồng"  # after mười it is always lăm


@pytest.mark.parametrize("bad", [-1, 1.5, "100", True, None])
def test_it_refuses_what_is_not_a_whole_positive_amount(bad):
    with pytest.raises((TypeError, ValueError)):
        vnd_in_words(bad)


def test_it_refuses_an_unknown_reading_with_a_vietnamese_message():
    with pytest.raises(ValueError, match="linh"):
        vnd_in_words(105, odd="lẽ")
