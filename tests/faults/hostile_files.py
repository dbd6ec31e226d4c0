"""A corpus of hostile and damaged files, generated in memory (nothing committed but this code).

Each entry: (case name, file name, bytes). Every upload of the portal is fed every one
of them in tests/faults/test_hostile_uploads.py.
"""

import io
import zipfile
import zlib

from openpyxl import load_workbook

from delegates.exporter import render_roster

SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER = ["STT", "Họ và tên", "Thành phần", "Giới tính", "Năm sinh", "Dân tộc"]


def _template() -> bytes:
    return render_roster(title="Danh sách", delegates=[])


def _entries(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(entries: dict[str, bytes], *, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_sheet(xml: str | bytes) -> bytes:
    entries = _entries(_template())
    entries[SHEET] = xml.encode() if isinstance(xml, str) else xml
    return _zip(entries)


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet_xml(rows: list[list[str]], *, prolog: str = "") -> str:
    body = "".join(
        f'<row r="{n}">' + "".join(_cell(f"{'ABCDEF'[i]}{n}", v) for i, v in enumerate(row)) + "</row>"
        for n, row in enumerate(rows, 1)
    )
    return f'<?xml version="1.0"?>{prolog}<worksheet {NS}><sheetData>{body}</sheetData></worksheet>'


def _bomb_entry(name: str, unpacked_mb: int) -> tuple[zipfile.ZipInfo, bytes]:
    """A real deflate stream of `unpacked_mb` MB of one repeated row, compressed a thousandfold."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = (b'<row><c t="inlineStr"><is><t>A</t></is></c></row>' * 20_000)[: 1 << 20]
    crc, packed = 0, []
    for _ in range(unpacked_mb):
        packed.append(compressor.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    packed.append(compressor.flush())
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size = unpacked_mb << 20
    info.CRC = crc
    return info, b"".join(packed)


def _zip_with_raw(entries: dict[str, bytes], raw: tuple[zipfile.ZipInfo, bytes]) -> bytes:
    """A zip holding `entries` plus one pre-compressed entry (written by hand: header + data)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            if name != raw[0].filename:
                archive.writestr(name, data)
        info, data = raw
        info.compress_size = len(data)
        info.header_offset = out.tell()
        out.write(info.FileHeader(zip64=False))
        out.write(data)
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
        archive.start_dir = out.tell()
    return out.getvalue()


def _truncated(content: bytes) -> bytes:
    return content[: len(content) // 2]


def _bad_crc(content: bytes) -> bytes:
    entries = _entries(content)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    raw = bytearray(out.getvalue())
    marker = raw.find(b"<sheetData")
    if marker > 0:
        raw[marker + 1] ^= 0x20  # the stored bytes change, the recorded CRC does not
    return bytes(raw)


def _formulas(*, cached: bool) -> bytes:
    value = "<v>1985</v>" if cached else ""
    rows = [HEADER, ["1", "Nguyễn Văn An", "Cá nhân điển hình tiên tiến", "Nam"]]
    xml = _sheet_xml(rows).replace(
        "</row></sheetData>",
        f'<c r="E2"><f>1980+5</f>{value}</c>{_cell("F2", "Tày")}</row></sheetData>',
    )
    return _with_sheet(xml)


def _many_rows(count: int) -> bytes:
    row = "".join(
        _cell("ABCDEF"[i] + "{n}", v)
        for i, v in enumerate(["1", "Hà Văn Bình", "Khách mời", "Nam", "1980", "Tày"])
    )
    rows = "".join(f'<row r="{n}">' + row.replace("{n}", str(n)) + "</row>" for n in range(2, count + 2))
    head = '<row r="1">' + "".join(_cell(f"{'ABCDEF'[i]}1", h) for i, h in enumerate(HEADER)) + "</row>"
    return _with_sheet(
        f'<?xml version="1.0"?><worksheet {NS}><sheetData>{head}{rows}</sheetData></worksheet>'
    )


def _docx(extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": "<w:document>Kế hoạch</w:document>".encode(),
        **(extra or {}),
    }


XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    + "]>"
)
PDF_HTML = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>"


def corpus() -> list[tuple[str, str, bytes]]:
    template = _template()
    docx = _zip(_docx())
    sheet_cut = _entries(template)[SHEET]
    many_entries = _zip({f"xl/media/image{i}.bin": b"x" for i in range(1500)} | _entries(template))
    files = [
        (
            "xlsx zip bomb (sheet unpacks to 150 MB)",
            "bomb.xlsx",
            _zip_with_raw(_entries(template), _bomb_entry(SHEET, 150)),
        ),
        (
            "docx zip bomb (document unpacks to 250 MB)",
            "bomb.docx",
            _zip_with_raw(_docx(), _bomb_entry("word/document.xml", 250)),
        ),
        (
            "xlsx bomb in the shared strings",
            "strings.xlsx",
            _zip_with_raw(_entries(template), _bomb_entry("xl/sharedStrings.xml", 150)),
        ),
        ("1,500 zip entries", "entries.xlsx", many_entries),
        (
            "1,500 zip entries in a docx",
            "entries.docx",
            _zip(_docx({f"word/media/{i}.bin": b"x" for i in range(1500)})),
        ),
        ("truncated xlsx", "cut.xlsx", _truncated(template)),
        ("truncated docx", "cut.docx", _truncated(docx)),
        ("only a zip's first bytes", "head.xlsx", template[:40]),
        ("sheet XML cut in half", "half.xlsx", _with_sheet(sheet_cut[: len(sheet_cut) // 2])),
        (
            "external entity in the sheet (XXE)",
            "xxe.xlsx",
            _with_sheet(_sheet_xml([HEADER, ["1", "&xxe;", "Khách mời", "Nam", "1980", "Tày"]], prolog=XXE)),
        ),
        (
            "external entity in the workbook",
            "xxe-book.xlsx",
            _zip(
                _entries(template)
                | {
                    "xl/workbook.xml": XXE.replace("worksheet", "workbook").encode()
                    + _entries(template)["xl/workbook.xml"].split(b"?>", 1)[-1]
                }
            ),
        ),
        (
            "billion laughs in the sheet",
            "laughs.xlsx",
            _with_sheet(_sheet_xml([HEADER, ["1", "&i;", "Khách mời", "Nam", "1980", "Tày"]], prolog=LAUGHS)),
        ),
        (
            "billion laughs in the shared strings",
            "laughs-strings.xlsx",
            _zip(
                _entries(template)
                | {
                    "xl/sharedStrings.xml": f'<?xml version="1.0"?>{LAUGHS.replace("worksheet", "sst")}<sst {NS}><si><t>&i;</t></si></sst>'.encode()
                }
            ),
        ),
        ("sheet that is not XML", "garbage.xlsx", _with_sheet(bytes(range(256)) * 10)),
        ("damaged entry (bad CRC)", "crc.xlsx", _bad_crc(template)),
        (
            "unknown compression method",
            "method.xlsx",
            _zip(_entries(template), method=zipfile.ZIP_LZMA).replace(b"\x0e\x00", b"\x63\x00"),
        ),
        ("polyglot %PDF- then HTML", "polyglot.pdf.html", PDF_HTML),
        ("polyglot PDF named .xlsx", "polyglot.xlsx", PDF_HTML),
        ("HTML with a zip appended", "page.xlsx", b"<html><script>alert(1)</script></html>" + template),
        ("100,000 rows", "rows.xlsx", _many_rows(100_000)),
        ("formula with a cached value", "formula-cached.xlsx", _formulas(cached=True)),
        ("formula without a cached value", "formula-bare.xlsx", _formulas(cached=False)),
        ("Excel 97-2003 header", "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ("PNG named .xlsx", "photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        ("Windows program", "setup.docx", b"MZ\x90\x00" + b"\x00" * 200),
        ("empty file", "empty.xlsx", b""),
        ("CSV named .xlsx", "list.xlsx", "STT,Họ và tên\n1,Nguyễn Văn An\n".encode()),
        ("path traversal entry", "evil.docx", _zip(_docx({"../../../../tmp/pwned.txt": b"x"}))),
    ]
    return files


def readable(content: bytes) -> bool:
    """Does openpyxl read it at all (to tell the readable cases from the refused)?"""
    try:
        load_workbook(io.BytesIO(content), read_only=True).close()
    except Exception:  # noqa: BLE001 - a probe
        return False
    return True
