"""Read web pages (.html, .htm) with selectolax: the article's text, not the page around it.

Scripts, styles, navigation, headers, footers, forms and the elements whose class or id names
page furniture (menus, breadcrumbs, share bars, related links: ``html-drop-*`` rows of
``kg/data/furniture.tsv``) are dropped. The article is the first ``html-body`` container that holds
a good share of the page's text, else the element whose paragraphs hold the most text; the page's
``<h1>`` leads it when the container does not hold it. Block elements end lines, table cells are
separated by a tab, and white space is collapsed as a browser would (a line break in the markup
between two Chinese characters joins them). ``<meta>`` tags (``ArticleTitle``, ``PubDate``,
``ContentSource``…) feed the report's metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from .furniture import iso_date, table
from .text import decode

BLOCK = {"address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog",
         "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
         "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
         "body", "html"}
CELL = {"td", "th"}
KEEP = {"html", "body", "main", "article"}
SHARE = 0.3  # a container holding at least this share of the page's text is the article
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """(markup, encoding): a BOM, else the page's declared charset, else the text detector."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            codec = "gb18030" if declared in _GB else declared
            try:
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data, path)


def read_html(path: str | Path) -> tuple[str, str, dict[str, str]]:
    """(text, encoding, metadata) of a web page."""
    markup, encoding = decode_html(Path(path).read_bytes(), str(path))
    text, metadata = html_text(markup)
    return text, encoding, metadata


def html_text(markup: str) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page and the metadata its ``<meta>`` tags and title state."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    metadata = _metadata(tree)
    for tag, _ in table("html-drop-tag"):
        for node in tree.css(tag):
            node.decompose()
    body = tree.body or tree.root
    if body is None:
        return "", metadata
    total = len(body.text(deep=True, strip=True))
    words = tuple(w for w, _ in table("html-drop-class"))
    for node in body.css("[class], [id]"):
        if node.tag in KEEP or not _furniture_class(node, words):
            continue
        if total and len(node.text(deep=True, strip=True)) >= 0.5 * total:
            continue  # a wrapper of the whole page, whatever it is called
        node.decompose()
    total = len(body.text(deep=True, strip=True))
    container = _container(tree, body, total)
    lines: list[str] = []
    h1 = tree.css_first("h1")
    if h1 is not None and container.css_first("h1") is None and not _inside(h1, container):
        lines.extend(_lines(h1))
    lines.extend(_lines(container))
    title = h1.text(deep=True, strip=True) if h1 is not None else ""
    if title and "title" not in metadata:
        metadata["title"] = " ".join(title.split())
    return "\n".join(lines), metadata


def _metadata(tree) -> dict[str, str]:
    names = {name.lower(): key for name, key in table("html-meta")}
    metadata: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        content = " ".join((attrs.get("content") or "").split())
        key = names.get(name)
        if key and content and key not in metadata:
            if key == "date":
                content = iso_date(content) or ""
            if content:
                metadata[key] = content
    if "title" not in metadata:
        node = tree.css_first("title")
        if node is not None:
            title = re.split(r"\s*[_|｜]\s*|\s+-\s+", node.text(strip=True))[0].strip()
            if title:
                metadata["title"] = title
    return metadata


def _furniture_class(node, words: tuple[str, ...]) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    pieces = [p for p in re.split(r"[\s\-_]+", names) if p]
    return any(p.startswith(w) for p in pieces for w in words)


def _container(tree, body, total: int):
    for selector, _ in table("html-body"):
        node = tree.css_first(selector)
        if node is not None and total and len(node.text(deep=True, strip=True)) >= SHARE * total:
            return node
    scores: dict[int, tuple[int, object]] = {}
    for p in body.css("p"):
        parent = p.parent
        if parent is None:
            continue
        old = scores.get(parent.mem_id, (0, parent))
        scores[parent.mem_id] = (old[0] + len(p.text(deep=True, strip=True)), parent)
    if scores:
        best_score, best = max(scores.values(), key=lambda s: s[0])
        if best_score >= SHARE * total:
            return best
    return body


def _inside(node, container) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == container.mem_id:
            return True
        parent = parent.parent
    return False


def _lines(node) -> list[str]:
    """The text of ``node`` as lines: block elements break lines, cells are tab-separated."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        line = _collapse("".join(buf))
        buf.clear()
        if line:
            out.append(line)

    def walk(n):
        for child in n.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                buf.append(child.text(deep=False))
            elif tag.startswith(("_", "!", "-")):
                continue
            elif tag == "br":
                flush()
            elif tag in CELL:
                if buf and _collapse("".join(buf)):
                    buf.append("\x00")  # a cell separator, made a tab after collapsing
                walk(child)
            elif tag in BLOCK:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(node)
    flush()
    return out


def _collapse(s: str) -> str:
    """White space as a browser shows it: runs made one space, a line break between CJK removed."""
    def blank(m: re.Match) -> str:
        before = s[m.start() - 1] if m.start() else ""
        after = s[m.end()] if m.end() < len(s) else ""
        if "\n" in m.group() and _CJK.match(before) and _CJK.match(after):
            return ""
        return " "

    s = re.sub(r"[ \t\r\n\f\u00a0]+", blank, s)
    s = re.sub(r" *\x00 *", "\t", s)
    return s.strip(" \u3000\t")
