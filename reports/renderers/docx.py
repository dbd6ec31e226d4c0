"""Documents to Word (.docx) with python-docx (the only module that imports it).

An exporter describes its document as a list of blocks (the heading table, titles, paragraphs,
tables, sheets of cards such as badges, the "Nơi nhận" and signature table, page breaks); this module lays them out with the
Decree 30/2020/NĐ-CP values the PDFs use (reports.domain.DECREE_30): A4, margins 20/20/30/15 mm,
Times New Roman, Quốc hiệu 13 pt bold capitals, Tiêu ngữ 14 pt bold over its rule, page numbers
centred in the header from page 2. The text is the same as the PDF's, so an officer can finish
the document in Word.
"""

import re
from collections.abc import Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Heading:
    """The heading table: issuing body and number (left), Quốc hiệu, Tiêu ngữ and date (right)."""

    governing_name: str
    name_lines: Sequence[str]
    number_code: str
    date_line: str
    number: str = ""  # a number already given ("132/QĐ-UBND"): printed whole, not left blank


@dataclass(frozen=True)
class Text:
    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # "left" | "center" | "right" | "justify"
    indent: bool = False
    upper: bool = False
    space_before: float = 0
    space_after: float = 6
    lead: str = ""  # a bold label before the text: "Thời gian: "


@dataclass(frozen=True)
class Grid:
    """A bordered table: a header row, then rows; optional column widths in mm."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths_mm: Sequence[float] = ()
    size: float = 12
    bold_last_row: bool = False
    aligns: Sequence[str] = ()  # per column; by default the first left, the others centred


@dataclass(frozen=True)
class Signature:
    """ "Nơi nhận" (left) and the signature block (right): authority, title, space, full name."""

    lines: Sequence[str]
    signer_name: str
    recipients: Sequence[str] = ()
    date_line: str = ""  # certificates put the place and date over the signature
    recipients_title: str = "Nơi nhận:"  # a certificate's left column cites its decision instead


@dataclass(frozen=True)
class Card:
    """One card of a sheet of cards (a badge): a colour band, lines of text, an image beside them."""

    band: str
    band_colour: str  # "#b71c1c"
    lines: Sequence[Text]
    image_png: bytes = b""
    image_mm: float = 24
    caption: str = ""  # under the image: the short code read aloud


@dataclass(frozen=True)
class Cards:
    """Cards of a fixed size, `columns` to a row and `per_page` to a sheet; the table's thin
    borders are the cut lines."""

    cards: Sequence[Card]
    columns: int = 2
    width_mm: float = 90
    height_mm: float = 62
    per_page: int = 8


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Text | Grid | Signature | Cards | PageBreak


@dataclass(frozen=True)
class Page:
    """Paper and margins (mm) of the whole document; landscape for certificates."""

    landscape: bool = False
    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15
    page_numbers: bool = True


@dataclass
class WordDocument:
    """The blocks of a document. With `repeat`, the blocks are one page whose fields are written
    field("name") and the page is repeated once per mapping, each on its own page: the page is
    laid out once and copied (a batch of 500 letters costs 500 copies, not 500 layouts)."""

    blocks: list[Block] = field(default_factory=list)
    page: Page = field(default_factory=Page)
    repeat: Sequence[Mapping[str, str]] = ()


FIELD_OPEN, FIELD_CLOSE = "⟦", "⟧"


def field_marker(name: str) -> str:
    """Where a repeated page's value goes: "Kính gửi: " + field_marker("full_name")."""
    return f"{FIELD_OPEN}{name}{FIELD_CLOSE}"


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _font(run, *, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _paragraph(container, text: str, *, size: float, bold=False, italic=False, align="center",
               space_before: float = 0, space_after: float = 0, indent: bool = False):  # fmt: skip
    paragraph = container.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        _font(paragraph.add_run(text), size=size, bold=bold, italic=italic)
    return paragraph


def _rule(cell, *, width_share: float) -> None:
    """A horizontal rule centred under the line above, about `width_share` of the cell wide."""
    paragraph = cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(2)
    side = Emu(int((cell.width or Mm(80)) * (1 - width_share) / 2))
    fmt.left_indent, fmt.right_indent = side, side
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)
    run = paragraph.add_run()
    _font(run, size=2)


def _no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _first_paragraph(cell):
    """A new cell holds one empty paragraph: use it for the first line."""
    return cell.paragraphs[0]


def _cell_line(cell, text: str, *, size: float, bold=False, italic=False, first=False, space_before=0.0,
               align: str = "center"):  # fmt: skip
    if first:
        paragraph = _first_paragraph(cell)
        paragraph.alignment = _ALIGN[align]
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.space_before = Pt(space_before)
        _font(paragraph.add_run(text), size=size, bold=bold, italic=italic)
        return paragraph
    return _paragraph(cell, text, size=size, bold=bold, italic=italic, space_before=space_before, align=align)


def _two_columns(document, usable_mm: float, left_share: float):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    widths = (Mm(usable_mm * left_share), Mm(usable_mm * (1 - left_share)))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    left, right = table.rows[0].cells
    left.width, right.width = widths
    return left, right


def _heading(document, block: Heading, usable_mm: float) -> None:
    left, right = _two_columns(document, usable_mm, 0.37)
    first = True
    if block.governing_name:
        _cell_line(left, block.governing_name.upper(), size=13, first=True)
        first = False
    for line in block.name_lines:
        _cell_line(left, line.upper(), size=13, bold=True, first=first)
        first = False
    _rule(left, width_share=0.35)
    if block.number:
        _cell_line(left, f"Số: {block.number}", size=13, space_before=4)
    elif block.number_code:
        _cell_line(left, f"Số:        /{block.number_code}", size=13, space_before=4)
    _cell_line(right, NATIONAL_TITLE, size=13, bold=True, first=True)
    _cell_line(right, NATIONAL_MOTTO, size=14, bold=True)
    _rule(right, width_share=0.6)
    if block.date_line:
        _cell_line(right, block.date_line, size=14, italic=True, space_before=4)


def _grid(document, block: Grid) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        _cell_line(cell, str(text), size=block.size, bold=True, first=True)
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        bold = block.bold_last_row and index == len(block.rows) - 1
        for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
            default = "left" if column == 0 else "center"
            align = block.aligns[column] if column < len(block.aligns) else default
            _cell_line(cell, str(text), size=block.size, bold=bold, first=True, align=align)
    if block.widths_mm:
        table.autofit = False
        for column, width in zip(table.columns, block.widths_mm, strict=False):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, block.widths_mm, strict=False):
                cell.width = Mm(width)
    _paragraph(document, "", size=6)


def _signature(document, block: Signature, usable_mm: float) -> None:
    left, right = _two_columns(document, usable_mm, 0.45)
    if block.recipients:
        if block.recipients_title:
            _cell_line(
                left, block.recipients_title, size=12, bold=True, italic=True, first=True, align="left"
            )
        for index, line in enumerate(block.recipients):
            first_line = index == 0 and not block.recipients_title
            size = 11 if block.recipients_title else 13
            _cell_line(left, line, size=size, first=first_line, align="left")
    first = True
    if block.date_line:
        _cell_line(right, block.date_line, size=14, italic=True, first=True)
        first = False
    for line in block.lines:
        _cell_line(right, line, size=14, bold=True, first=first)
        first = False
    for _ in range(4):  # space for the signature and the seal
        _cell_line(right, "", size=14)
    _cell_line(right, block.signer_name, size=14, bold=True, first=first)


def _shade(element, colour: str) -> None:
    """Fill a cell or paragraph with a colour ("#b71c1c")."""
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", colour.lstrip("#").upper())):
        shading.set(qn(key), value)
    element.append(shading)


def _card(cell, card: Card, width_mm: float) -> None:
    band = _cell_line(cell, card.band.upper(), size=10, bold=True, first=True)
    band.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    band.paragraph_format.space_after = Pt(4)
    _shade(band._p.get_or_add_pPr(), card.band_colour)
    inner = cell.add_table(rows=1, cols=2)
    inner.autofit = False
    _no_borders(inner)
    image_mm = card.image_mm if card.image_png else 0
    widths = (Mm(width_mm - image_mm - 6), Mm(image_mm + 4))
    for column, width in zip(inner.columns, widths, strict=True):
        column.width = width
    words, picture = inner.rows[0].cells
    words.width, picture.width = widths
    for index, line in enumerate(card.lines):
        paragraph = _cell_line(words, line.text, size=line.size, bold=line.bold, italic=line.italic,
                               first=index == 0, align="left", space_before=line.space_before)  # fmt: skip
        paragraph.paragraph_format.space_after = Pt(line.space_after)
    if card.image_png:
        paragraph = _first_paragraph(picture)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(BytesIO(card.image_png), width=Mm(image_mm))
    if card.caption:
        _cell_line(picture, card.caption, size=8, bold=True)


def _cards(document, block: Cards) -> None:
    sheets = [block.cards[i : i + block.per_page] for i in range(0, len(block.cards), block.per_page)]
    for number, sheet in enumerate(sheets):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        rows = -(-len(sheet) // block.columns)
        table = document.add_table(rows=rows, cols=block.columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column in table.columns:
            column.width = Mm(block.width_mm)
        for row in table.rows:
            row.height, row.height_rule = Mm(block.height_mm), WD_ROW_HEIGHT_RULE.EXACTLY
            for cell in row.cells:
                cell.width = Mm(block.width_mm)
        for index, card in enumerate(sheet):
            _card(table.cell(index // block.columns, index % block.columns), card, block.width_mm)


def _page_number_header(section) -> None:
    """The page number centred in the header from page 2 (Decree 30, Phụ lục I, mục 10)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _font(run, size=13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def render_docx(spec: WordDocument) -> bytes:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    page = spec.page
    width, height = (Mm(297), Mm(210)) if page.landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = Mm(page.top), Mm(page.bottom)
    section.left_margin, section.right_margin = Mm(page.left), Mm(page.right)
    section.header_distance = Mm(10)
    if page.page_numbers:
        _page_number_header(section)
    usable = (297 if page.landscape else 210) - page.left - page.right
    for block in spec.blocks:
        if isinstance(block, Heading):
            _heading(document, block, usable)
        elif isinstance(block, Text):
            paragraph = _paragraph(document, "", size=block.size, align=block.align, indent=block.indent,
                                   space_before=block.space_before, space_after=block.space_after)  # fmt: skip
            if block.lead:
                _font(paragraph.add_run(block.lead), size=block.size, bold=True)
            text = block.text.upper() if block.upper else block.text
            _font(paragraph.add_run(text), size=block.size, bold=block.bold, italic=block.italic)
        elif isinstance(block, Grid):
            _grid(document, block)
        elif isinstance(block, Signature):
            _signature(document, block, usable)
        elif isinstance(block, Cards):
            _cards(document, block)
        else:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if spec.repeat:
        _repeat_page(document, spec.repeat)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_FIELD = re.compile(f"{FIELD_OPEN}(\\w+){FIELD_CLOSE}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _FIELD.sub(lambda match: values.get(match.group(1), ""), template)


def _repeat_page(document, repeat: Sequence[Mapping[str, str]]) -> None:
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    page = [element for element in body if element is not section]
    for element in page:
        body.remove(element)
    breaker = OxmlElement("w:p")
    run = OxmlElement("w:r")
    page_break = OxmlElement("w:br")
    page_break.set(qn("w:type"), "page")
    run.append(page_break)
    breaker.append(run)
    fields = [
        (t, t.text) for element in page for t in element.iter(qn("w:t")) if t.text and FIELD_OPEN in t.text
    ]
    for number, values in enumerate(repeat):
        if number:
            section.addprevious(deepcopy(breaker))
        for node, template in fields:
            node.text = _fill(template, values)
        for element in page:
            section.addprevious(deepcopy(element))
