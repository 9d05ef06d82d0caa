"""kg.io.docx: Word files read with python-docx, paragraphs and tables in document order."""

import zipfile

import pytest

from kg.errors import InputError
from kg.io import find_sources, read_source


def _word_file(path):
    import docx

    d = docx.Document()
    d.add_heading("青山市科协工作报告", level=1)
    d.add_paragraph("　　一年来，青山市科学技术协会举办科普活动120场。")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("项目", "数量", "单位"), ("科技服务站", "8", "个"), ("合计", "", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "见上表"
    table.cell(1, 0).add_paragraph("（含分站）")
    d.add_paragraph("市科协与青山大学共建科技服务站，服务企业56家。")
    section = d.sections[0]
    section.header.paragraphs[0].text = "青山市科学技术协会文件"
    section.footer.paragraphs[0].text = "第1页"
    d.save(path)


def test_paragraphs_and_tables_in_order(tmp_path):
    p = tmp_path / "report.docx"
    _word_file(p)
    src = read_source(p)
    assert src.format == "docx" and src.doc_id == "report"
    assert src.text.split("\n") == [
        "青山市科协工作报告",
        "　　一年来，青山市科学技术协会举办科普活动120场。",
        "项目\t数量\t单位",
        "科技服务站 （含分站）\t8\t个",
        "合计\t见上表",
        "市科协与青山大学共建科技服务站，服务企业56家。",
    ]
    assert "青山市科学技术协会文件" not in src.text and "第1页" not in src.text  # page header and footer
    assert src.metadata["title"] == "青山市科协工作报告"


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"\x00\x01\x02" * 100])
def test_damaged_word_file(tmp_path, content):
    p = tmp_path / "bad.docx"
    p.write_bytes(content)
    with pytest.raises(InputError, match=r"^'.*bad\.docx' is not a readable Word file \(.+\)\. Open it in Word"):
        read_source(p)


def test_zip_that_is_not_a_word_file(tmp_path):
    p = tmp_path / "bad.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "科协")
    with pytest.raises(InputError, match="not a readable Word file"):
        read_source(p)


def test_the_29_real_word_files_read(shared):
    folder = shared / "corpora" / "gov-reports-2025-docx"
    if not folder.is_dir():
        pytest.fail(f"{folder} is needed (../shared/corpora beside the checkout, or set KG_SHARED)")
    files = find_sources([folder])
    assert len(files) == 29
    for f in files:
        src = read_source(f)
        assert src.format == "docx"
        assert len(src.text) > 9000, (f.name, len(src.text))
        assert src.text.count("\n") > 40  # one line a paragraph
        assert "政府工作报告" in src.metadata["title"], f.name
        assert "各位代表" in src.text
        assert not src.furniture
