"""kg.io.html: the article text of a web page, without its menus, scripts, styles and footer."""

from pathlib import Path

from kg.io import read_source
from kg.io.html import html_text

PAGE = Path(__file__).resolve().parent.parent / "data" / "ingest" / "article.html"


def test_article_text_without_page_furniture():
    src = read_source(PAGE)
    assert src.format == "html" and src.encoding == "utf-8"
    assert src.text.split("\n") == [
        "青山市科协召开全委会议",  # the page's <h1>, outside the article container
        "青山市科学技术协会召开全委会议，总结全年工作。",  # a line break in the markup between CJK joined
        "全市举办科普活动120场，参加群众3万人次。",
        "项目\t数量",
        "科技服务站\t8个",
        "市科协与青山大学共建科技服务站，服务企业56家。",
    ]
    for furniture in ("首页", "新闻中心", "机构概况", "分享到", "相关报道", "版权所有", "统计", "font-size",
                      "字号", "备案号"):
        assert furniture not in src.text, furniture


def test_metadata_from_meta_tags():
    src = read_source(PAGE)
    assert src.metadata == {"title": "青山市科协召开全委会议", "date": "2026-01-27", "source": "青山日报"}


def test_declared_gbk_page(tmp_path):
    p = tmp_path / "gbk.htm"
    markup = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
              "<title>青山市科协_首页</title></head><body><div id=nav>首页 | 新闻</div>"
              "<div><p>青山市科协召开全委会议。</p><p>全市举办科普活动120场。</p></div></body></html>")
    p.write_bytes(markup.encode("gb18030"))
    src = read_source(p)
    assert src.encoding == "gb18030"
    assert src.text == "青山市科协召开全委会议。\n全市举办科普活动120场。"
    assert src.metadata["title"] == "青山市科协"


def test_densest_block_when_no_known_container():
    markup = ("<body><div class=links><p>友情链接</p></div><div><div class=box>"
              "<p>青山市科协召开全委会议，总结全年工作，部署新一年任务。</p>"
              "<p>全市举办科普活动120场，参加群众3万人次。</p></div>"
              "<div><p>联系我们</p></div></div></body>")
    text, _ = html_text(markup)
    assert text == "青山市科协召开全委会议，总结全年工作，部署新一年任务。\n全市举办科普活动120场，参加群众3万人次。"


def test_spaces_between_latin_words_kept_line_breaks_in_cjk_removed():
    text, _ = html_text("<body><p>CAST 2025\n年会  在青山\n市举行，<br>主题为 open   science</p></body>")
    assert text == "CAST 2025 年会 在青山市举行，\n主题为 open science"
