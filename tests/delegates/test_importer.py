"""The Excel importer with the files officers really send."""

import io
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from delegates.exporter import render_roster
from delegates.importer import MAX_ROWS, ImportFileError, parse_roster
from delegates.models import Delegate

HEADERS = ["STT", "Họ và tên", "Thành phần", "Giới tính", "Năm sinh", "Dân tộc", "Tôn giáo",
           "Tên tập thể", "Chức vụ", "Nơi công tác", "Lĩnh vực", "Trực tiếp lao động, sản xuất"]  # fmt: skip
GOOD = [1, "Nguyễn Văn An", "Cá nhân điển hình tiên tiến", "Nam", 1985, "Tày", "Không", None,
        "Trưởng thôn", "Thôn Nà Làng", "Nông nghiệp", "x"]  # fmt: skip


def workbook_bytes(rows, *, title_rows=True, merge=True) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    if title_rows:
        ws.append(["DANH SÁCH ĐẠI BIỂU"])
        ws.append(["Hội nghị tuyên dương điển hình tiên tiến"])
        if merge:
            ws.merge_cells("A1:L1")
            ws.merge_cells("A2:L2")
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def parse(rows, **kwargs):
    return parse_roster(workbook_bytes(rows, **kwargs), event_year=2025)


def test_it_reads_a_clean_file_with_merged_title_rows():
    result = parse([GOOD])
    assert result.errors == []
    assert result.rows == [{
        "full_name": "Nguyễn Văn An", "category": "exemplar_individual", "gender": "male", "birth_year": 1985,
        "ethnic_group": "Tày", "religion": "Không", "collective_name": "", "position": "Trưởng thôn",
        "workplace": "Thôn Nà Làng", "field": "Nông nghiệp, nông thôn", "is_direct_worker": True, "email": "",
    }]  # fmt: skip
    assert result.row_numbers == [4]


def test_it_handles_what_officers_type():
    decomposed = "Nguye\u0302\u0303n Va\u0306n Bi\u0300nh"  # NFD, as some keyboards send it
    rows = [
        [1, f"  {decomposed}  ", "cá nhân", "nữ", "1985", "tay", None, None, None, None, None, "có"],
        [2, "Hà Thị Lan", "Khách mời", "Nu", 1990.0, "Dao", "Phật giáo", None, None, None, None, "không"],
        [
            3,
            "Lộc Văn Tài",
            "Đại diện tập thể",
            "Nam",
            "12/05/1979",
            "Nùng",
            "",
            "Thôn Khuổi Linh",
            None,
            None,
            None,
            None,
        ],
        [None] * 12,  # blank row in the middle
        [4, "Đàm Thị Yến", "lãnh đạo", "Nữ", "1970", "H'Mông", None, None, None, None, None, "X"],
        [None] * 12,
        [None] * 12,  # blank trailing rows
    ]
    result = parse(rows)
    assert result.errors == []
    first, guest, collective, leader = result.rows
    assert (
        first["full_name"] == "Nguyễn Văn Bình" and first["birth_year"] == 1985 and first["is_direct_worker"]
    )
    assert first["gender"] == "female" and first["ethnic_group"] == "Tày" and first["religion"] == "Không"
    assert guest["birth_year"] == 1990 and guest["is_direct_worker"] is False and guest["category"] == "guest"
    assert collective["category"] == "exemplar_collective" and collective["birth_year"] == 1979
    assert leader["ethnic_group"] == "Mông" and leader["category"] == "leader" and leader["is_direct_worker"]
    assert result.row_numbers == [4, 5, 6, 8]


def test_every_bad_cell_is_named_by_row_and_column():
    rows = [
        GOOD,
        [2, "Hà Thị Lan", "Cá nhân", "Nữ", "abc", "Tày", None, None, None, None, None, None],
        [3, "", "Khách mời", "Nam", 1980, "Kinh", None, None, None, None, None, None],
        [
            4,
            "Lý Văn Tâm",
            "Đại diện tập thể",
            "Nam",
            1980,
            "Người Sao Hỏa",
            None,
            None,
            None,
            None,
            None,
            "có lẽ",
        ],
        [5, "Lý Văn Tâm", "Phóng viên", "Khác", 2030, "Kinh", None, None, None, None, None, None],
    ]
    errors = parse(rows).errors
    assert (
        "Dòng 5, cột E (Năm sinh): “abc” không phải là năm; ghi năm sinh có 4 chữ số, ví dụ 1985." in errors
    )
    assert "Dòng 6, cột B (Họ và tên): bỏ trống." in errors
    assert any(
        e.startswith("Dòng 7, cột F (Dân tộc): “Người Sao Hỏa” không có trong danh mục 54 dân tộc")
        for e in errors
    )
    assert any(
        e.startswith("Dòng 7, cột H (Tên tập thể (đại diện tập thể)): đại diện tập thể phải ghi tên")
        for e in errors
    )
    assert any(e.startswith("Dòng 7, cột L (Trực tiếp lao động, sản xuất)") for e in errors)
    assert any(e.startswith("Dòng 8, cột C (Thành phần)") for e in errors)
    assert any(e.startswith("Dòng 8, cột D (Giới tính)") for e in errors)
    assert "Dòng 8, cột E (Năm sinh): năm sinh 2030 không hợp lệ (phải từ 1900 đến 2025)." in errors


def test_formulas_give_their_cached_value_or_a_clear_message(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append([1, "Nguyễn Văn An", "Cá nhân", "Nam", "=1980+5", "Tày"])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    # openpyxl writes no cached value: exactly what a generated file looks like
    errors = parse_roster(io.BytesIO(path.read_bytes()), event_year=2025).errors
    assert errors == [
        "Dòng 2, cột E (Năm sinh): ô có công thức nhưng chưa có giá trị đã tính (tệp chưa được lưu bằng Excel); "
        "hãy dán giá trị (Paste Values) thay cho công thức."
    ]
    # a file saved by Excel carries the cached value next to the formula: it is read
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        sheet = zin.read("xl/worksheets/sheet1.xml").decode()
        # the empty value is written "<v />" or "<v></v>" depending on the XML writer installed
        patched, replaced = re.subn(r"<f>1980\+5</f><v\s*(?:/>|></v>)", "<f>1980+5</f><v>1985</v>", sheet)
        assert replaced == 1
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for item in zin.infolist():
                zout.writestr(
                    item, patched if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item)
                )
    out.seek(0)
    result = parse_roster(out, event_year=2025)
    assert result.errors == [] and result.rows[0]["birth_year"] == 1985


def test_a_formula_typed_as_text_is_refused():
    row = list(GOOD)
    row[8] = '=HYPERLINK("http://x")'
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append(row)
    ws["I2"].data_type = "s"  # stored as a text cell starting with "="
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    errors = parse_roster(out, event_year=2025).errors
    assert any(e.startswith("Dòng 2, cột I (Chức vụ)") for e in errors)


def test_a_header_split_over_two_merged_rows_is_understood():
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH"])
    ws.append(
        ["STT", "Họ và tên", "Thông tin đại biểu", None, None, None, None, None, None, None, None, None]
    )
    ws.append([None, None, "Thành phần", "Giới tính", "Năm sinh", "Dân tộc", "Tôn giáo", "Tên tập thể",
               "Chức vụ", "Nơi công tác", "Lĩnh vực", "Trực tiếp LĐSX"])  # fmt: skip
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:L2")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)"])
    ws.append(GOOD)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    result = parse_roster(out, event_year=2025)
    assert result.errors == [] and result.row_numbers == [5]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Ho va ten,Nam sinh\nAn,1985\n", "không phải là bảng tính Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Excel 97-2003"),
        (b"PK\x03\x04" + b"broken zip" * 20, "bị hỏng"),
        (b"", "không phải là bảng tính Excel"),
    ],
)
def test_it_refuses_files_that_are_not_xlsx(content, message):
    with pytest.raises(ImportFileError, match=message):
        parse_roster(io.BytesIO(content), event_year=2025)


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    out.seek(0)
    with pytest.raises(ImportFileError, match="bị hỏng"):
        parse_roster(out, event_year=2025)


def test_a_file_without_the_headers_is_refused():
    wb = Workbook()
    wb.active.append(["Tên", "Tuổi"])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    with pytest.raises(ImportFileError, match="Không tìm thấy dòng tiêu đề.*Họ và tên"):
        parse_roster(out, event_year=2025)


def test_an_empty_roster_file_is_refused():
    with pytest.raises(ImportFileError, match="không có dòng đại biểu"):
        parse([[None] * 12])


def _huge_file(rows: int, *, write_dimension: bool) -> io.BytesIO:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADERS)
    for index in range(rows):
        ws.append([index, "Nguyễn Văn An", "Cá nhân", "Nam", 1985, "Tày"])
    out = io.BytesIO()
    wb.save(out)
    if write_dimension:
        out.seek(0)
        return out
    # strip the <dimension> tag so only streaming can notice the size
    out.seek(0)
    patched = io.BytesIO()
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode()
                start = text.find("<dimension")
                if start >= 0:
                    text = text[:start] + text[text.find("/>", start) + 2 :]
                data = text.encode()
            zout.writestr(item, data)
    patched.seek(0)
    return patched


@pytest.mark.parametrize("write_dimension", [True, False])
def test_a_100000_row_file_is_refused_with_the_limit(write_dimension):
    with pytest.raises(ImportFileError, match=f"tối đa {MAX_ROWS:,}".replace(",", ".")):
        parse_roster(_huge_file(100_000, write_dimension=write_dimension), event_year=2025)


def test_export_then_import_gives_the_roster_back():
    delegates = [
        Delegate(full_name="Nguyễn Văn An", category="exemplar_individual", gender="male", birth_year=1985,
                 ethnic_group="Tày", religion="Không", position="=SUM(A1:A9)", workplace="+84 912", field="Y tế",
                 is_direct_worker=True),
        Delegate(full_name="Hà Thị Lan", category="exemplar_collective", collective_name="- Thôn Nà Làng",
                 gender="female", birth_year=1990, ethnic_group="Bru-Vân Kiều", religion="Phật giáo",
                 position="'=already quoted", workplace="", field="", is_direct_worker=False),
        Delegate(full_name="Đàm Văn Khải", category="leader", gender="male", birth_year=1970,
                 ethnic_group="Kinh", religion="Không", position="Chủ tịch UBND", workplace="UBND", field="Quản lý nhà nước"),
    ]  # fmt: skip
    content = render_roster(title="=Hội nghị", delegates=delegates)
    sheet = load_workbook(io.BytesIO(content))["Danh sách đại biểu"]
    assert sheet["I4"].value == "'=SUM(A1:A9)" and sheet["I4"].data_type == "s"
    assert sheet["A2"].value == "'=Hội nghị"
    result = parse_roster(io.BytesIO(content), event_year=2025)
    assert result.errors == []
    fields = list(result.rows[0])
    assert [{f: getattr(d, f) for f in fields} for d in delegates] == result.rows


def test_the_template_has_drop_downs_for_the_coded_columns():
    sheet = load_workbook(io.BytesIO(render_roster(title="Hội nghị", delegates=[], blank_rows=300)))[
        "Danh sách đại biểu"
    ]
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    assert validations["C4"].formula1.endswith("$B$2:$B$5")  # category (4)
    assert validations["D4"].formula1.endswith("$A$2:$A$3")  # gender
    assert validations["F4"].formula1.endswith("$C$2:$C$55")  # the 54 ethnic groups
    assert validations["L4"].formula1.endswith("$D$2:$D$3")  # yes / no
    assert validations["E4"].type == "whole"
    lists = sheet.parent["Danh mục"]
    assert lists.sheet_state == "hidden" and lists["C55"].value == "Rơ Măm"


def test_a_formula_without_value_in_an_optional_column_is_named(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append(GOOD)
    row = list(GOOD)
    row[8] = '=CONCATENATE("Trưởng ", "thôn")'
    ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    result = parse_roster(out, event_year=2025)
    assert result.row_numbers == [2]
    assert len(result.errors) == 1 and result.errors[0].startswith("Dòng 3, cột I (Chức vụ): ô có công thức")


def test_it_understands_other_headers_and_full_birth_dates():
    from datetime import datetime

    wb = Workbook()
    ws = wb.active
    ws.append(["TT", "Họ tên", "Thành phần đại biểu", "Giới", "Ngày, tháng, năm sinh", "Dân tộc"])
    ws.append([1, "Nguyễn Văn An", "Khách mời", "Nam", datetime(1985, 3, 2), "Tày"])
    ws.append([2, "Hà Thị Lan", "Khách mời", "Nữ", "02/03/1990", "Tày"])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    result = parse_roster(out, event_year=2025)
    assert result.errors == [] and [r["birth_year"] for r in result.rows] == [1985, 1990]


def test_rows_of_a_template_numbered_in_advance_are_ignored_at_any_number():
    """Issue 15: a template pre-numbered down to row 300 gave five "bỏ trống" errors per empty row."""
    result = parse([GOOD, *([n] + [None] * 11 for n in range(2, 301))])
    assert result.errors == [] and len(result.rows) == 1


@pytest.mark.parametrize("name", ["2", "123", "-", "..."])
def test_a_name_without_letters_is_refused(name):
    result = parse([[1, name, *GOOD[2:]]])
    assert result.rows == []
    assert result.errors[0].startswith(f"Dòng 4, cột B (Họ và tên): “{name}” không phải họ tên")


def test_a_name_cell_holding_a_formula_saved_by_excel_is_refused_not_imported_as_its_value(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    ws.append([1, "=1+1", *GOOD[2:]])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as zin:
        sheet = zin.read("xl/worksheets/sheet1.xml").decode()
        patched, replaced = re.subn(r"<f>1\+1</f><v\s*(?:/>|></v>)", "<f>1+1</f><v>2</v>", sheet)
        assert replaced == 1
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for item in zin.infolist():
                zout.writestr(
                    item, patched if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item)
                )
    out.seek(0)
    result = parse_roster(out, event_year=2025)
    assert result.rows == [] and "“2” không phải họ tên" in result.errors[0]


def test_the_lists_sheet_of_the_template_is_headed_in_vietnamese():
    lists = load_workbook(io.BytesIO(render_roster(title="Hội nghị", delegates=[])))["Danh mục"]
    assert [lists.cell(row=1, column=c).value for c in range(1, 5)] == [
        "Giới tính",
        "Thành phần",
        "Dân tộc",
        "Trực tiếp lao động, sản xuất",
    ]


@pytest.mark.parametrize(
    ("typed", "field"),
    [("Nông nghiệp", "Nông nghiệp, nông thôn"), ("y te", "Y tế"), ("Quốc phòng - an ninh", "Quốc phòng, an ninh"),
     ("", "")],
)  # fmt: skip
def test_the_field_is_read_against_the_one_list_of_fields(typed, field):
    result = parse([[1, *GOOD[1:10], typed, "x"]])
    assert result.errors == [] and result.rows[0]["field"] == field


def test_a_field_outside_the_list_is_refused_with_the_list():
    result = parse([[1, *GOOD[1:10], "Kinh tế", "x"]])
    assert result.rows == []
    assert result.errors[0].startswith("Dòng 4, cột K (Lĩnh vực): “Kinh tế” không có trong danh mục lĩnh vực")
    assert "Nông nghiệp, nông thôn" in result.errors[0]


def test_an_email_column_is_optional_read_and_checked():
    headers = [*HEADERS, "Email"]  # officers' own files name it "Email", "E-mail" or "Thư điện tử"
    rows = [[*GOOD, " an.nguyen@backan.gov.vn "], [2, *GOOD[1:], "mailto:lan@backan.gov.vn"],
            [3, *GOOD[1:], None], [4, *GOOD[1:], "an.nguyen@backan"]]  # fmt: skip
    wb = Workbook()
    wb.active.append(headers)
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    result = parse_roster(out, event_year=2025)
    assert [r["email"] for r in result.rows] == ["an.nguyen@backan.gov.vn", "lan@backan.gov.vn", ""]
    assert result.errors == [
        "Dòng 5, cột M (Thư điện tử): “an.nguyen@backan” không phải địa chỉ thư điện tử hợp lệ "
        "(ví dụ: nguyenvana@backan.gov.vn)."
    ]
    assert parse([GOOD]).rows[0]["email"] == ""  # a file without the column still reads
