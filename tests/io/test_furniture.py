"""kg.io.furniture: page furniture of scraped reports found as spans, masked for analysis, offsets intact."""

from pathlib import Path

import pytest

from kg.io import read_source
from kg.io.furniture import find_furniture, iso_date, mask

PAGE = Path(__file__).resolve().parent.parent / "data" / "ingest" / "scraped-page.txt"
BODY = ["2025年青山市科协工作总结", "发布时间：2026-01-27", "来源：", "青山日报",
        "青山市科学技术协会召开全委会议，总结全年工作。全市举办科普活动120场，参加群众3万人次。",
        "市科协与青山大学共建科技服务站，服务企业56家。",
        "各位委员！让我们携手奋进，推动青山市科技事业再上新台阶。"]
FURNITURE = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】", "当前位置：", "首页", ">",
             "新闻中心", ">", "工作动态", "阅读量：", "扫一扫在手机打开当前页", "相关报道：", "青山市科协召开常委会议",
             "编辑：林小木"]


def _covered(text, spans):
    """The lines of text wholly inside furniture spans, and those outside all of them."""
    inside, outside = [], []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if any(a <= start and end <= b for a, b in spans):
            inside.append(line)
        elif not any(a < end and start < b for a, b in spans):
            outside.append(line)
        else:
            pytest.fail(f"span cuts line {line!r}")
    return inside, outside


def test_scraped_page_furniture_and_metadata():
    src = read_source(PAGE)
    inside, outside = _covered(src.text, src.furniture)
    assert inside == FURNITURE
    assert outside == BODY
    assert src.metadata == {"title": "2025年青山市科协工作总结", "date": "2026-01-27", "source": "青山日报"}
    assert list(src.furniture) == sorted(src.furniture)


def test_analysis_text_blanks_furniture_with_the_same_length_and_lines():
    src = read_source(PAGE)
    masked = src.analysis_text
    assert len(masked) == len(src.text) and masked.count("\n") == src.text.count("\n")
    for a, b in src.furniture:
        assert not masked[a:b].strip()
    for line in BODY:
        i = src.text.index(line)
        assert masked[i:i + len(line)] == line


@pytest.mark.parametrize("line", ["下载 打印 全屏 收藏 【字号：加大 还原 减小】", "首页 > 新闻 > 正文",
                                  "分享到：微信 微博", "【字体：大 中 小】", "【打印本页】 【关闭窗口】"])
def test_one_line_forms(line):
    text = f"{line}\n青山市科学技术协会召开全委会议，总结全年工作，部署新一年的科普任务和学会工作。\n"
    spans, _ = find_furniture(text)
    assert spans == ((0, len(line)),)


def test_a_report_without_furniture_has_none():
    text = ("青山市科协工作报告\n各位委员：\n一年来，我们在打印、下载等服务上作了改进。\n大\n"
            "全市举办科普活动120场，参加群众3万人次，建成科普示范社区12个，科普工作取得新进展。\n")
    spans, metadata = find_furniture(text)
    assert spans == ()
    assert metadata == {"title": "青山市科协工作报告"}


def test_furniture_words_inside_the_body_stay():
    body = "一年来，青山市科学技术协会举办科普活动120场，参加群众3万人次，建成科普示范社区12个。"
    text = f"下载\n打印\n{body}\n打印\n{body}\n下载\n"
    spans, _ = find_furniture(text)
    inside, _ = _covered(text, spans)
    # the toolbar at the head and the buttons at the tail go; 打印 between two body paragraphs stays
    assert inside == ["下载", "打印", "下载"]
    assert spans[0] == (0, 5)


def test_mask_keeps_newlines():
    assert mask("下载\r\n打印\n正文", ((0, 6),)) == "  \r\n  \n正文"


@pytest.mark.parametrize("value,expected", [("2026-01-27 09:30", "2026-01-27"), ("2026年2月3日", "2026-02-03"),
                                            ("2026/2/3", "2026-02-03"), ("2026-13-01", None), ("阅读量", None)])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_furniture_yields_no_sentence_mention_or_co_mention(nlp):
    from kg.api import analyse

    src = read_source(PAGE)

    def in_furniture(a, b):
        return any(s < b and a < e for s, e in src.furniture)

    # without the mask the pipeline finds names in the furniture (the test can fail) ...
    raw = nlp(src.text)
    assert any(in_furniture(e.start_char, e.end_char) for e in raw.ents)
    # ... with it, none, and every offset still indexes the file's text
    doc = analyse(src, nlp)
    assert doc.ents
    for ent in doc.ents:
        assert not in_furniture(ent.start_char, ent.end_char), ent.text
        assert src.text[ent.start_char:ent.end_char] == ent.text
    assert not any(s.text.strip() and in_furniture(s.start_char, s.end_char) and s.text.strip() in FURNITURE
                   for s in doc.sents)
    assert any(e.text == "青山大学" for e in doc.ents)


def test_a_salutation_is_no_title():
    _, metadata = find_furniture("各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n")
    assert "title" not in metadata
