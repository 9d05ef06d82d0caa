"""kg.io.read: folders walked with their subfolders, report names from relative paths, write_text."""

import pytest

from kg.errors import InputError, OutputError
from kg.io import ReportFile, find_sources, read_source, report_name, write_text


def _tree(root, names):
    for name in names:
        f = root / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("青山市科协召开会议。", encoding="utf-8")


def test_subfolders_give_distinct_report_names(tmp_path):
    _tree(tmp_path, ["a/2025.txt", "b/2025.txt", "b/c/2024.md", "top.txt", "page.html", "x/report.pdf",
                     "x/report2.docx", "README.md", "b/readme.md", ".hidden.txt", ".git/HEAD.txt",
                     "x/~$report2.docx", "notes.json", "x/table.csv"])
    found = find_sources([tmp_path])
    assert [f.doc_id for f in found] == ["a__2025", "b__2025", "b__c__2024", "page", "top", "x__report",
                                         "x__report2"]
    assert all(isinstance(f, ReportFile) for f in found)
    assert found[0].path == tmp_path / "a" / "2025.txt" and found[0].name == "2025.txt"


def test_single_file_keeps_its_stem(tmp_path):
    _tree(tmp_path, ["a/2025.txt"])
    (f,) = find_sources([tmp_path / "a" / "2025.txt"])
    assert f.doc_id == "2025"
    assert read_source(f).doc_id == "2025"


def test_read_source_takes_the_found_name(tmp_path):
    _tree(tmp_path, ["a/2025.txt"])
    (f,) = find_sources([tmp_path])
    src = read_source(f)
    assert (src.doc_id, src.path) == ("a__2025", str(tmp_path / "a" / "2025.txt"))
    assert read_source(f.path).doc_id == "2025"
    assert read_source(f.path, doc_id="mine").doc_id == "mine"


def test_report_name():
    assert report_name("2025.txt") == "2025"
    assert report_name("gov/2025年/报告.docx") == "gov__2025年__报告"


def test_folder_without_reports(tmp_path):
    _tree(tmp_path, ["README.md", "sub/notes.json"])
    with pytest.raises(InputError, match="holds no report files"):
        find_sources([tmp_path])


def test_write_text_writes_the_extracted_text_atomically(tmp_path):
    p = tmp_path / "in" / "r.txt"
    p.parent.mkdir()
    text = "青山市科协\r\n召开会议。\n"
    p.write_bytes(text.encode("gb18030"))
    src = read_source(p)
    out = write_text(src, tmp_path / "out")
    assert out == tmp_path / "out" / "r.txt"
    assert out.read_bytes() == text.encode("utf-8")
    assert open(out, encoding="utf-8", newline="").read() == src.text
    assert [f.name for f in out.parent.iterdir()] == ["r.txt"]  # no temporary file left


def test_write_text_never_overwrites_the_report(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes("青山市科协召开会议。".encode("gb18030"))
    with pytest.raises(OutputError, match="that is the report file itself"):
        write_text(read_source(p), tmp_path)
    assert p.read_bytes() == "青山市科协召开会议。".encode("gb18030")
    q = tmp_path / "u.txt"
    q.write_text("青山市科协召开会议。", encoding="utf-8")
    assert write_text(read_source(q), tmp_path) == q
