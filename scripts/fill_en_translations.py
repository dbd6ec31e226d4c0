"""Fill empty English msgstr entries of locale/en/LC_MESSAGES/django.po from EN below.

Vietnamese is the source language of the portal; English is a courtesy
translation. Workflow: `make messages` (makemessages + this script + compilemessages).
Strings missing here stay Vietnamese in the English interface.
"""

import re
from pathlib import Path

EN = {
    "Tiếng Việt": "Tiếng Việt",
    "English": "English",
    "Cổng thi đua yêu nước %(province)s": "Patriotic Emulation Portal, %(province)s",
    "Thi đua yêu nước %(place)s": "%(place)s Patriotic Emulation",
    "Trang chủ": "Home",
    "Đơn vị": "Units",
    "Chiến dịch": "Campaigns",
    "Danh mục": "Reference data",
    "Đăng xuất": "Log out",
    "Đăng nhập": "Log in",
    "Sở Nội vụ %(province)s · Ban Thi đua - Khen thưởng": "Department of Home Affairs, %(province)s · Emulation and Commendation Board",
    "Cổng quản lý Hội nghị điển hình tiên tiến và Đại hội Thi đua yêu nước các cấp": "Management portal for the exemplar conferences and patriotic emulation congresses at every level",
    "Sao chép chiến dịch": "Copy campaign",
    "lần thứ": "no.",
    "Đang triển khai": "Active",
    "Giai đoạn tổng kết": "Period reviewed",
    "Giai đoạn phát động": "Period launched",
    "Hạn nộp kế hoạch": "Plan deadline",
    "Hạn nộp kế hoạch:": "Plan deadline:",
    "Sửa chiến dịch": "Edit campaign",
    "Sao chép thành chiến dịch mới": "Copy into a new campaign",
    "Triển khai chiến dịch này": "Make this campaign active",
    "Quy định theo cấp": "Rules by tier",
    "Cấp": "Tier",
    "Tên gọi": "Event name",
    "Hình thức": "Form",
    "Tối đa": "Cap",
    "Điển hình ≥": "Exemplars ≥",
    "Thời gian": "When",
    "Thời gian:": "When:",
    "Số buổi": "Sessions",
    "Cấp trên": "Upper level",
    "Đại hội (chào cờ)": "Congress (flag salute)",
    "Hội nghị": "Conference",
    "Sửa": "Edit",
    "Các phong trào thi đua trọng tâm": "Key emulation movements",
    "Thêm phong trào": "Add a movement",
    "Chiến dịch thi đua": "Emulation campaigns",
    "Chưa có chiến dịch nào.": "No campaign yet.",
    "Phong trào thi đua": "Emulation movement",
    "Sửa quy định": "Edit rule",
    "Số đơn vị": "Units",
    "Tối đa đại biểu": "Delegate cap",
    "Điển hình tối thiểu": "Minimum exemplars",
    "Chưa có chiến dịch nào đang triển khai.": "No campaign is active.",
    "Lãnh đạo · Theo dõi phong trào thi đua": "Leadership · Following the emulation movement",
    "Tài khoản lãnh đạo chỉ xem, không thay đổi dữ liệu.": "Leadership accounts read and change nothing.",
    "Danh sách đơn vị": "Units",
    "Sự kiện của đơn vị theo kế hoạch": "The unit's event under the plan",
    "buổi": "session(s)",
    "Số đại biểu tối đa:": "Delegate cap:",
    "Đại biểu điển hình tiên tiến tối thiểu:": "Minimum share of exemplar delegates:",
    "Kế hoạch của đơn vị": "The unit's plan",
    "Đơn vị trực thuộc": "Subordinate units",
    "Sở Nội vụ · Điều hành phong trào thi đua toàn tỉnh": "Home Affairs · Running the province's emulation movement",
    "giai đoạn": "period",
    "Hạn các đơn vị nộp kế hoạch:": "Units' plan deadline:",
    "Quy định của chiến dịch": "Campaign rules",
    "Chỉ đạo điểm": "Pilot",
    "Loại đơn vị": "Unit kind",
    "Mã đơn vị": "Unit code",
    "Thư điện tử": "E-mail",
    "Sự kiện theo kế hoạch": "Event under the plan",
    "tối đa": "at most",
    "đại biểu": "delegates",
    "Sửa thông tin đơn vị": "Edit unit",
    "Sửa đơn vị": "Edit unit",
    "Tất cả loại đơn vị": "All unit kinds",
    "Lọc": "Filter",
    "Tên đơn vị": "Unit name",
    "Loại": "Kind",
    "Mã": "Code",
    "Trực thuộc": "Children",
    "Điểm": "Pilot",
    "Không có đơn vị nào.": "No units.",
    # issue 11b: the summary's narrative sections and the results report as a document
    "Nội dung báo cáo tổng hợp": "Summary report text",
    "Báo cáo tổng hợp gửi Trung ương": "Summary report to the Central Council",
    "Nội dung báo cáo": "Report text",
    "Nội dung báo cáo tổng hợp gửi Hội đồng Thi đua - Khen thưởng Trung ương": "Text of the summary report to the Central Emulation and Commendation Council",
    "Mỗi mục được tổng hợp tự động từ báo cáo kết quả của các đơn vị và bài học của các đơn vị làm điểm. Sở Nội vụ sửa trước khi ban hành; bản PDF và Word tạo sau khi lưu dùng nội dung đã sửa. Mục nào chưa sửa sẽ tiếp tục cập nhật theo báo cáo mới của các đơn vị.": "Each section is assembled from the units' results reports and the pilot units' lessons. The Department of Home Affairs edits it before issuing; PDF and Word files made after saving use the edited text. A section left unedited keeps following the units' new reports.",
    "Sở Nội vụ đã sửa": "Edited by the Department of Home Affairs",
    "Bản tự động": "Assembled text",
    "Xem bản tự động": "Show the assembled text",
    "Khôi phục bản tự động": "Restore the assembled text",
    "Lưu nội dung báo cáo": "Save the report text",
    "Khôi phục bản tự động cho tất cả các mục": "Restore the assembled text of every section",
    "Tạo bản PDF, Word": "Make the PDF and Word files",
    "Đánh giá (số liệu so với kế hoạch)": "Evaluation (figures against the plan)",
    "Bài học kinh nghiệm từ đơn vị làm điểm": "Lessons from the pilot units",
    "Kiến nghị, đề xuất": "Recommendations and proposals",
    "Mỗi dòng là một đoạn; dòng bắt đầu bằng “- ” là một ý.": "One paragraph a line; a line starting with “- ” is a point.",
    "Đã lưu nội dung báo cáo tổng hợp; bản PDF và Word tạo từ nay dùng nội dung này.": "Summary report text saved; PDF and Word files made from now on use it.",
    "Yêu cầu không hợp lệ. Hãy tải lại trang và thử lại.": "Invalid request. Reload the page and try again.",
    "Đã khôi phục bản tự động tổng hợp từ báo cáo của các đơn vị.": "The text assembled from the units' reports is back.",
    "Tải báo cáo kết quả": "Download the results report",
    "Báo cáo kết quả thành văn bản": "The results report as a document",
    "Theo thể thức Nghị định 30/2020/NĐ-CP, đứng tên đơn vị; bản Word để hoàn thiện, ký và gửi. Tệp tạo xong ở trang tài liệu của sự kiện.": "In the Decree 30/2020/NĐ-CP layout, in the unit's name; the Word file to finish, sign and send. Finished files are on the event's documents page.",
    "Kết quả đạt được": "Achievements",
}

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main() -> None:
    text = PO.read_text(encoding="utf-8")

    def fill(match: re.Match) -> str:
        msgid = match.group(1)
        english = EN.get(msgid.replace('\\"', '"'))
        if english is None:
            return match.group(0)
        return f'msgid "{msgid}"\nmsgstr "{english.replace(chr(34), chr(92) + chr(34))}"'

    text = re.sub(r'msgid "((?:[^"\\]|\\.)+)"\nmsgstr ""', fill, text)
    text = text.replace("#, fuzzy\n", "")
    PO.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
