from decimal import Decimal

import pytest

from kg.nlp.numbers import parse_number, to_plain


@pytest.mark.parametrize("text,value", [
    ("42", 42), ("1,234", 1234), ("23.5万", 235000), ("2565万", 25650000), ("1.2亿", 120000000),
    ("3千", 3000), ("一千二百", 1200), ("两万", 20000), ("十五", 15), ("二十", 20), ("三百零五", 305),
    ("五十四万亿", 54_000_000_000_000), ("十点二", Decimal("10.2")), ("100万三千", 1003000),
    ("二〇一七", 2017), ("一亿二千万", 120_000_000), ("十", 10),
])
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


def test_to_plain():
    assert to_plain(Decimal("25650000")) == 25650000 and isinstance(to_plain(Decimal("3")), int)
    assert to_plain(Decimal("99.8")) == 99.8


def test_rejects_garbage():
    with pytest.raises(ValueError):
        parse_number("")
