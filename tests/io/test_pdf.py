"""kg.io.pdf: PDFs with a text layer read in page order, headers, footers and page numbers dropped,
lines joined into paragraphs without spaces between Chinese characters; damaged PDFs refused."""

import pytest

from kg.errors import InputError
from kg.io import read_source

HEADER = "青山市科学技术协会工作简报"
# paragraphs as they should come out; the PDF wraps them at 240 points (20 Chinese characters) a line
PARAGRAPHS = [
    "一年来，青山市科学技术协会深入开展全民科学素质提升行动，全市举办科普活动120场，参加群众3万人次，"
    "建成科普示范社区12个。",
    "市科协与青山大学共建科技服务站8个，服务企业56家，帮助企业解决技术难题40项，促成合作项目15个，"
    "带动新增产值2.6亿元，受到企业普遍好评。",
    "全年组织学术交流活动36场，发布学术论文210篇，推荐优秀科技工作者18名，评选表彰优秀学会5个，"
    "各级学会会员总数达到1.2万人。",
    "新的一年，市科协将围绕服务创新驱动发展，加强基层组织建设，推进科普信息化，为建设创新型城市作出新的贡献。",
]
FONT, SIZE, WIDTH = "STSong-Light", 12, 240


def _wrap(para):
    """(indent, line) of a paragraph set like a justified report: a two-character first-line indent."""
    from reportlab.pdfbase import pdfmetrics

    lines, current, indent = [], "", 2 * SIZE
    for ch in para:
        if pdfmetrics.stringWidth(current + ch, FONT, SIZE) > WIDTH - indent:
            lines.append((indent, current))
            current, indent = "", 0
        current += ch
    lines.append((indent, current))
    return lines


def _pdf(path, paragraphs=PARAGRAPHS, breaks=(9, 13), page_numbers=("- {n} -", "第{n}页", "{n}/3")):
    """A PDF: a running header, page numbers in three styles, indented paragraphs; with the default
    breaks, page 1 ends inside 论文 and page 2 inside 发展."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    left, top = 50, 80
    lines = [line for para in paragraphs for line in _wrap(para)]
    bounds = [0, *[b for b in breaks if b < len(lines)], len(lines)]
    pages = [lines[a:b] for a, b in zip(bounds, bounds[1:])]
    c = canvas.Canvas(str(path), pagesize=A5)
    width, height = A5
    for n, page in enumerate(pages, 1):
        c.setFont(FONT, 9)
        c.drawString(left, height - 40, HEADER)
        c.drawCentredString(width / 2, 30, page_numbers[(n - 1) % len(page_numbers)].format(n=n))
        c.setFont(FONT, SIZE)
        for k, (indent, text) in enumerate(page):
            c.drawString(left + indent, height - top - k * SIZE * 1.5, text)
        c.showPage()
    c.save()
    return pages


def test_pages_in_order_without_headers_footers_page_numbers(tmp_path):
    p = tmp_path / "brief.pdf"
    pages = _pdf(p)
    assert len(pages) == 3
    # the fixture is what it claims: words broken across pages (论|文, 发|展)
    assert pages[0][-1][1].endswith("论") and pages[1][0][1].startswith("文")
    assert pages[1][-1][1].endswith("发") and pages[2][0][1].startswith("展")
    src = read_source(p)
    assert src.format == "pdf"
    assert src.text.split("\n") == PARAGRAPHS
    assert HEADER not in src.text
    for mark in ("- 1 -", "第2页", "3/3"):
        assert mark not in src.text


def test_a_single_page_keeps_its_only_line_that_is_not_a_number(tmp_path):
    p = tmp_path / "one.pdf"
    _pdf(p, paragraphs=["青山市科协召开全委会议，总结全年工作。"], breaks=(), page_numbers=("- {n} -",))
    src = read_source(p)
    # one page: its header is not repeated, so it stays; the page number goes
    assert src.text.split("\n") == [HEADER, "青山市科协召开全委会议，总结全年工作。"]


def test_truncated_pdf(tmp_path):
    p = tmp_path / "brief.pdf"
    _pdf(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"^'.*brief\.pdf' is a truncated PDF \(it has no %%EOF end marker\)"):
        read_source(p)


def test_damaged_pdf(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nnonsense\n%%EOF\n")
    with pytest.raises(InputError, match=r"is not a readable PDF|has no text layer"):
        read_source(p)


def test_not_a_pdf(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_text("青山市科协召开全委会议。", encoding="utf-8")
    with pytest.raises(InputError, match=r"is not a readable PDF \(it does not start with %PDF-\)"):
        read_source(p)


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    for _ in range(2):
        c.rect(50, 50, 200, 300, fill=1)
        c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"has no text layer \(none of its 2 pages holds text"):
        read_source(p)


def test_encrypted_pdf(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    p = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(50, 700, "locked")
    c.save()
    with pytest.raises(InputError, match="encrypted PDF that needs a password"):
        read_source(p)
