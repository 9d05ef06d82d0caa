import pytest

from kg.errors import InputError
from kg.io import find_sources, read_source


def test_reads_utf8_with_and_without_bom(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_bytes("内蒙古科协".encode("utf-8"))
    bom = tmp_path / "b.md"
    bom.write_bytes(b"\xef\xbb\xbf" + "内蒙古科协".encode("utf-8"))
    assert read_source(plain).text == "内蒙古科协"
    assert read_source(bom).text == "内蒙古科协"
    assert read_source(bom).doc_id == "b"


def test_reads_gb18030(tmp_path):
    p = tmp_path / "gb.txt"
    p.write_bytes("河南省科协举办论坛".encode("gb18030"))
    src = read_source(p)
    assert src.text == "河南省科协举办论坛" and src.encoding == "gb18030"


def test_keeps_newlines_untranslated(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes("第一行\r\n第二行".encode("utf-8"))
    assert read_source(p).text == "第一行\r\n第二行"


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 4, "not a text file"),
])
def test_rejects_unusable_files(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_source(p)


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="No such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="holds no report files"):
        find_sources([tmp_path])


def test_folder_expands_to_sorted_reports(tmp_path):
    for name in ("b.txt", "a.md", "README.md", "c.json"):
        (tmp_path / name).write_text("科协", encoding="utf-8")
    assert [p.name for p in find_sources([tmp_path])] == ["a.md", "b.txt"]
