"""kg.io.text: UTF-8, GB18030 and UTF-16 (with and without BOM) are read; binary and undecodable bytes are refused."""

import pytest

from kg.errors import InputError
from kg.io import read_source
from kg.io.text import decode

TEXT = "青山市科学技术协会举办科普活动120场，参加群众3万人次。\n市科协服务企业56家。\n"
PURE_CJK = "青山市科学技术协会举办科普活动参加群众三万人次"


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
@pytest.mark.parametrize("text", [TEXT, PURE_CJK, "河南省科协举办论坛"])
@pytest.mark.parametrize("with_bom", [True, False])
def test_utf16_with_and_without_bom(tmp_path, codec, bom, text, with_bom):
    p = tmp_path / "report.txt"
    p.write_bytes((bom if with_bom else b"") + text.encode(codec))
    src = read_source(p)
    assert src.text == text
    assert src.encoding == codec


def test_gb18030(tmp_path):
    p = tmp_path / "gb.txt"
    p.write_bytes(TEXT.encode("gb18030"))
    src = read_source(p)
    assert (src.text, src.encoding) == (TEXT, "gb18030")


def test_short_gb18030_is_not_taken_for_korean(tmp_path):
    # charset-normalizer left free calls this cp949; kg limits it to GB18030 and UTF-16
    assert decode("河南省科协举办论坛".encode("gb18030"), "x") == ("河南省科协举办论坛", "gb18030")


def test_utf8_with_bom_and_crlf_kept(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(b"\xef\xbb\xbf" + "第一行\r\n第二行".encode("utf-8"))
    assert read_source(p).text == "第一行\r\n第二行"


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x00\x01\x02\x03\x04\x05" * 300])
def test_binary_is_refused(tmp_path, data):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError, match=r"not a text file.*UTF-16.*\.docx.*\.pdf.*\.html"):
        read_source(p)


def test_undecodable_names_the_first_bad_byte(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("科协".encode("utf-8") + b"\x80\xff\x80")
    with pytest.raises(InputError, match=r"not valid UTF-8, GB18030 or UTF-16 text \(first bad byte at offset 6\)"):
        read_source(p)


def test_utf16_with_bom_but_broken_is_refused(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\xff\xfe" + "科协".encode("utf-16-le") + b"\x00\xd8\x41\x00")  # a lone surrogate
    with pytest.raises(InputError, match="not valid"):
        read_source(p)
