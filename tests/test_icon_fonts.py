"""The theme's icons come from fonts cut down to the book's icons (assets/sphinx/icon_fonts.py).

The first visit of a page must stay small: no 1.5 MB fontawesome.js, no 300 KB of icon fonts,
yet every icon the pages show must still have its glyph.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import icon_fonts  # the book's extension (assets/sphinx)
import pytest

from tools.sitekit import HTML

pytestmark = pytest.mark.book


def test_icon_rules_are_read_from_the_theme_stylesheet():
    css = '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-github:before{content:"\\f09b"}'
    assert icon_fonts.codepoints(css) == {"fa-bars": 0xF0C9, "fa-navicon": 0xF0C9, "fa-github": 0xF09B}


@pytest.fixture(scope="module")
def built() -> Path:
    if not (HTML / "_static" / icon_fonts.STYLESHEET).exists():
        pytest.skip("build the book first: python3.11 tools/course.py build")
    return HTML


def test_no_page_loads_the_theme_fontawesome_script(built):
    pages = [page for page in built.rglob("*.html") if "_static" not in page.parts]
    assert pages
    for page in pages:
        assert "fontawesome.js" not in page.read_text(encoding="utf-8"), page.name


def test_every_icon_on_the_pages_has_its_glyph_in_the_inline_fonts(built):
    from fontTools.ttLib import TTFont

    known = icon_fonts.codepoints((built / icon_fonts.THEME_CSS).read_text(encoding="utf-8"))
    used = icon_fonts.used_icons(built, known)
    assert {"fa-bars", "fa-magnifying-glass", "fa-github"} <= used
    css = (built / "_static" / icon_fonts.STYLESHEET).read_text(encoding="utf-8")
    assert len(css.encode()) < 16_000, "the icon fonts should stay a few KB"
    fonts = re.findall(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", css)
    assert len(fonts) == 3 and "vendor/fontawesome" not in css
    glyphs = set()
    for data in fonts:
        glyphs |= set(TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap())
    missing = sorted(name for name in used if known[name] not in glyphs)
    assert not missing, f"icons without a glyph: {missing}"
    assert glyphs <= {known[name] for name in used} | {0x20, 0xA0}, "only the icons the book uses"
