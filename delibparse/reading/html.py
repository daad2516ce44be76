"""HTML (a mairie's compte rendu page): the main content's text, one line per block.

lxml's HTML parser (libxml2: fast, forgiving with broken markup, maintained) builds the tree;
the rest is a short walk: drop scripts, styles, navigation, menus, headers, footers, asides,
cookie banners and forms; take ``<main>`` / ``<article>`` / role=main when the page has one;
then every block element (p, div, h1-h6, li, br ...) ends a line and every table row becomes
``cell | cell``. trafilatura was considered: it is built for articles and drops short lines
and tables (vote counts, member lists) that matter here.

>>> read_html(b"<html><body><nav>Accueil | Agenda</nav><main><h1>Conseil municipal</h1>"
...           b"<p>Objet : <b>Budget</b></p><table><tr><td>Pour</td><td>12</td></tr></table></main>"
...           b"<footer>Mentions l\\xc3\\xa9gales</footer></body></html>").text
'Conseil municipal\\nObjet : Budget\\nPour | 12'
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import EmptySourceError, UnreadableError
from ..layout import Layout

DROP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
             "iframe", "button", "select", "option", "head", "title", "meta", "link", "object", "embed",
             "canvas", "video", "audio", "map", "dialog"}
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary", "dialog"}
# class/id words of page furniture (whole words of the attribute)
DROP_NAMES = re.compile(
    r"""(?xi)(?:^|[\s_-])(?:
    nav|navbar|navigation|menu|sous-menu|submenu|breadcrumbs?|fil-ariane|ariane|sidebar|side-bar
    |footer|pied|header|en-tete|entete|banner|cookies?|rgpd|gdpr|share|partage|social|reseaux
    |skip|skiplinks|pagination|related|widget|newsletter|search|recherche|modal|popup|toolbar
    )(?:$|[\s_-])"""
)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "dl", "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption", "hr", "table",
              "thead", "tbody", "tfoot", "caption", "center", "details", "summary", "fieldset", "legend"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _decode(data: bytes) -> tuple[str, str | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), None
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared:
        try:
            return data.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace"), "cp1252"


_ARTICLE_PARTS = {"header", "hgroup"}  # inside <main>/<article> a <header> holds the title, not a menu
_HEADER_NAMES = re.compile(r"(?i)(?:^|[\s_-])(?:header|en-tete|entete|banner)(?:$|[\s_-])")


def _furniture(el, inside: bool = False) -> bool:
    if el.tag in DROP_TAGS:
        return not (inside and el.tag in _ARTICLE_PARTS)
    if (el.get("role") or "").lower() in DROP_ROLES or el.get("aria-hidden") == "true" or el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip() or el.tag in ("body", "main", "article") or not DROP_NAMES.search(names):
        return False
    # "entry-header" inside an article is its title block; anything else named like furniture goes
    return not (inside and _HEADER_NAMES.search(names) and not _drop_name_besides_header(names))


def _drop_name_besides_header(names: str) -> bool:
    return bool(DROP_NAMES.search(_HEADER_NAMES.sub(" ", names)))


def _text(s: str) -> str:
    s = unicodedata.normalize("NFC", s.replace("\u00a0", " "))
    return re.sub(r"\s+", " ", s).strip()


def _layout_cell(td) -> bool:
    """A cell holding paragraphs, lists or another table, or a long text: page layout, not data."""
    if any(isinstance(d.tag, str) and d.tag in ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4")
           for d in td.iterdescendants()):
        return True
    return len(_text(td.text_content())) > 300


def _walk(el, lines: list[str], inside: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    inside = inside or tag in ("main", "article") or (el.get("role") or "").lower() == "main"
    if tag == "br":
        lines.append("")
    elif tag == "tr":
        tds = [td for td in el if isinstance(td.tag, str) and td.tag in ("td", "th") and not _furniture(td, inside)]
        if any(_layout_cell(td) for td in tds):  # a table used for page layout: cells are blocks
            for td in tds:
                lines.append("")
                _walk(td, lines, inside)
                lines.append("")
        else:
            lines.append(" | ".join(c for c in (_text(" ".join(td.itertext())) for td in tds) if c))
            lines.append("")
    elif tag == "pre":
        lines.extend((el.text_content() or "").splitlines())
        lines.append("")
    else:
        block = tag in BLOCK_TAGS
        if block:
            lines.append("")
        if el.text and tag:
            lines[-1] += el.text
        for child in el:
            if isinstance(child.tag, str) and not _furniture(child, inside):
                _walk(child, lines, inside)
            if child.tail:
                lines[-1] += child.tail
        if block:
            lines.append("")


def _main(root):
    for xpath in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(xpath)
        if len(found) == 1 and len(_text(found[0].text_content())) > 200:
            return found[0]
    body = root.find(".//body")
    return body if body is not None else root


def read_html(data: bytes, *, source: str | None = None) -> Layout:
    """HTML bytes -> ``Layout`` of the main content."""
    import lxml.html
    from lxml import etree

    text, fallback = _decode(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise UnreadableError(f"unreadable HTML ({err})", source=source) from None
    lines = [""]
    _walk(_main(root), lines)
    lines = [t for t in (_text(x) for x in lines) if t]
    if not lines:
        raise EmptySourceError("the page has no text content", source=source)
    lay = Layout.from_lines([(t, None, None) for t in lines], format="html")
    if fallback:
        lay.page_warnings.append((None, "read.encoding", f"not UTF-8 and no charset: decoded as {fallback}"))
    return lay
