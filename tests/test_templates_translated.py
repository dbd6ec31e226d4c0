"""Every word a user reads on a screen goes through {% translate %} / {% blocktranslate %}.

The check reads each template with Django's own template lexer (so `{{ }}`, `{% %}` and comments are
known exactly), masks everything that is not plain text, parses what is left as HTML and reports
file:line for any text holding a letter outside a translate tag: element text and the attributes a
user reads (title, placeholder, aria-label, alt, data-label, data-confirm, and the value of a button). Text inside
{% blocktranslate %}, {% comment %}, <script> and <style> is not screen text for this check.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import DebugLexer, TokenType

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Templates whose text is a document body, which stays Vietnamese in both languages (issue 15:
# "legal names and document bodies stay Vietnamese"). Keep this list short and say why.
DOCUMENT_BODIES = (
    # The congress's printed documents (decisions, certificates, invitations, agenda, badges, seat map,
    # summary report): legal texts issued in Vietnamese whatever the officer's screen language.
    "reports/pdf/",
)

# Words written the same in both languages (names of file formats and standards).
SAME_IN_EVERY_LANGUAGE = {"PDF", "Excel", "Word", "CSV", "QR", "XLSX", "DOCX", "ZIP", "Email", "VNeID"}

# data-label heads a table cell on a phone (the card list's CSS shows it); data-confirm is a dialog.
USER_VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-label", "data-confirm"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}

MASK = "\x00"
WORD = re.compile(r"[^\W\d_]+")


def _has_words(text: str) -> bool:
    return any(word not in SAME_IN_EVERY_LANGUAGE for word in WORD.findall(text))


def _masked(source: str) -> str:
    """The source with every template tag, variable, comment and translated block blanked out.

    Blanked characters become NUL (newlines kept) so the HTML parser's line numbers are the
    template's own, a tag inside an attribute (`title="{% translate 'x' %}"`) leaves no text, and
    two texts either side of a tag are reported apart.
    """
    out = list(source)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if out[i] != "\n":
                out[i] = MASK
        if out[start] == MASK:
            out[start] = " "  # a tag glued to an element name (`<div{% if %}`) still ends the name

    skip_until: str | None = None
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        if skip_until is not None:
            blank(start, end)
            if token.token_type == TokenType.BLOCK and token.contents.split()[:1] == [skip_until]:
                skip_until = None
            continue
        if token.token_type == TokenType.TEXT:
            continue
        blank(start, end)
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            if name in ("blocktranslate", "blocktrans"):
                skip_until = "end" + name
            elif name in ("comment", "verbatim"):
                skip_until = "end" + name
    return "".join(out)


class _TextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            visible = name in USER_VISIBLE_ATTRIBUTES or (
                name == "value"
                and tag == "input"
                and (values.get("type") or "").lower() in BUTTON_INPUT_TYPES
            )
            if visible and _has_words(value.replace(MASK, " ")):
                self.found.append((line, f'{name}="{" ".join(value.replace(MASK, " ").split())}"'))
        if tag in ("script", "style"):
            self._raw = tag

    def handle_endtag(self, tag):
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw is not None:
            return
        for piece in re.finditer(f"[^{MASK}]+", data):
            text = piece.group()
            if _has_words(text):
                line = (
                    self.getpos()[0]
                    + data[: piece.start()].count("\n")
                    + text[: len(text) - len(text.lstrip())].count("\n")
                )
                self.found.append((line, " ".join(text.split())))


STRING_LITERAL = re.compile(r"""(_\()?("[^"]*"|'[^']*')""")
VIETNAMESE = re.compile(r"(?=[^\x00-\x7f])[^\W\d_]")  # a letter outside ASCII: "Có", not "d/m/Y"
UNTRANSLATED_ARGUMENTS_OK = {"translate", "trans", "blocktranslate", "blocktrans", "load", "extends"}


def _untranslated_arguments(source: str) -> list[tuple[int, str]]:
    """Vietnamese string literals given to a variable or a tag (`yesno:"Có,Không"`, `with label="…"`)
    without `_( )`: they reach the screen untranslated."""
    found = []
    for token in DebugLexer(source).tokenize():
        if token.token_type not in (TokenType.VAR, TokenType.BLOCK) or not token.contents.strip():
            continue
        if token.token_type == TokenType.BLOCK and token.contents.split()[0] in UNTRANSLATED_ARGUMENTS_OK:
            continue
        for match in STRING_LITERAL.finditer(token.contents):
            if match.group(1) is None and VIETNAMESE.search(match.group(2)):
                found.append((token.lineno, match.group(2)))
    return found


def untranslated_text(source: str) -> list[tuple[int, str]]:
    """(line, text) for each piece of user-visible text of a template outside translate tags."""
    finder = _TextFinder()
    finder.feed(_masked(source))
    finder.close()
    return sorted(finder.found + _untranslated_arguments(source))


def _screen_templates() -> list[Path]:
    return [
        path
        for path in sorted(TEMPLATES.rglob("*.html"))
        if not path.relative_to(TEMPLATES).as_posix().startswith(DOCUMENT_BODIES)
    ]


def test_no_template_shows_text_outside_translate_tags():
    bare = [
        f"templates/{path.relative_to(TEMPLATES).as_posix()}:{line}: {text[:60]}"
        for path in _screen_templates()
        for line, text in untranslated_text(path.read_text(encoding="utf-8"))
    ]
    assert bare == [], f"{len(bare)} pieces of text outside {{% translate %}}:\n" + "\n".join(bare)


def test_the_check_finds_bare_text_and_attributes():
    sample = (
        "{% load i18n %}\n"
        "<h1>{% translate 'Trang chủ' %}</h1>\n"
        '<p title="Gợi ý">Chưa có sự kiện.</p>\n'
        '<input type="submit" value="Lưu">\n'
        '<input name="q" value="{{ q }}" placeholder="{% translate \'Tìm\' %}">\n'
        '{{ a.is_active|yesno:"Có,Không" }} {{ a.is_active|yesno:_("Có,Không") }} {{ d|date:"d/m/Y" }}\n'
    )
    assert untranslated_text(sample) == [
        (3, "Chưa có sự kiện."),
        (3, 'title="Gợi ý"'),
        (4, 'value="Lưu"'),
        (6, '"Có,Không"'),
    ]


def test_the_check_lets_translated_blocks_comments_scripts_and_format_names_pass():
    sample = (
        "{% load i18n %}\n"
        "{% blocktranslate trimmed count=n %}Có {{ n }} đại biểu{% endblocktranslate %}\n"
        "{% comment %}Ghi chú cho người viết mẫu{% endcomment %}{# ghi chú #}\n"
        "<script>const label = 'x';</script><style>p::after { content: 'a' }</style>\n"
        "<a href='{{ url }}'>PDF</a> · {{ event.name }} — 12/2025\n"
        '<div{% if framed %} class="card-body"{% endif %}>{% translate "Kế hoạch" %}</div>\n'
    )
    assert untranslated_text(sample) == []


JAVASCRIPT = TEMPLATES.parent / "static" / "js"
# A service worker cannot read the page's words; its one offline fallback line stays Vietnamese.
JAVASCRIPT_LEFT_OUT = {"door-sw.js"}
JS_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)""")


def test_no_script_of_the_portal_writes_vietnamese_words():
    """Words a script shows come from the page (data attributes written through {% translate %})."""
    found = [
        f"static/js/{path.name}:{number}: {literal[:60]}"
        for path in sorted(JAVASCRIPT.glob("*.js"))
        if path.name not in JAVASCRIPT_LEFT_OUT
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for literal in JS_STRING.findall(line)
        if VIETNAMESE.search(literal)
    ]
    assert found == []


def test_document_bodies_are_the_only_templates_left_out():
    left_out = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html")} - {
        p.relative_to(TEMPLATES).as_posix() for p in _screen_templates()
    }
    assert left_out and all(name.startswith("reports/pdf/") for name in left_out)
