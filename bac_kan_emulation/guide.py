"""The user guide (Hướng dẫn sử dụng): one guide per role, as data.

Each section names the screen it explains and the screenshot of it. The screenshots in
`static/guide/` are made by the browser test `tests/browser/test_user_guide.py` from the demo
data (`make guide-screenshots` writes them there), so the pictures follow the screens.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from units.models import User
from units.permissions import is_staff_of_home_affairs, sees_whole_province

GUIDE_STATIC_FOLDER = "guide"


@dataclass(frozen=True)
class Shot:
    """Where a screenshot is taken: as which demo account, which page, how wide."""

    name: str  # file static/guide/<name>.png
    account: str  # demo account that sees the page
    url_name: str
    argument: str = ""  # "" (none), "own_event" (an event of the account's unit), "own_unit"
    width: int = 1366

    @property
    def static_path(self) -> str:
        return f"{GUIDE_STATIC_FOLDER}/{self.name}.png"


@dataclass(frozen=True)
class Section:
    # gettext_lazy at import time, rendered in the request's language (screens and PDF alike)
    title: str | Promise
    steps: tuple[str | Promise, ...]
    shot: Shot
    caption: str | Promise


@dataclass(frozen=True)
class Guide:
    key: str
    title: str | Promise
    audience: str | Promise
    sections: tuple[Section, ...]


STAFF = Guide(
    key="so-noi-vu",
    title=_("Hướng dẫn cho cán bộ Sở Nội vụ"),
    audience=_(
        "Cán bộ Ban Thi đua - Khen thưởng, Sở Nội vụ: quản trị chiến dịch, xem xét kế hoạch, "
        "theo dõi tiến độ, xét khen thưởng và báo cáo Hội đồng Thi đua - Khen thưởng Trung ương."
    ),
    sections=(
        Section(
            _("Việc đang chờ bạn"),
            (
                _(
                    "Đăng nhập bằng tài khoản của Sở Nội vụ; trang chủ liệt kê các việc đang chờ kèm số lượng: "
                    "kế hoạch chờ xem xét, đề nghị khen thưởng chờ xét, điển hình chờ duyệt công bố, "
                    "sự kiện quá hạn báo cáo."
                ),
                _("Bấm vào một dòng để mở đúng danh sách cần xử lý."),
            ),
            Shot("so-noi-vu-trang-chu", "sonoivu", "home"),
            _("Trang chủ của Sở Nội vụ: việc đang chờ và các tầng hội nghị của chiến dịch."),
        ),
        Section(
            _("Xem xét kế hoạch của các đơn vị"),
            (
                _("Mở Hội nghị, Đại hội → Kế hoạch của các đơn vị; lọc theo trạng thái “Đã nộp”."),
                _(
                    "Mở từng kế hoạch, tải tệp về đọc, rồi chọn “Chấp thuận” hoặc “Trả lại” kèm ý kiến; "
                    "đơn vị nhận được thư báo và sửa, nộp lại."
                ),
            ),
            Shot("so-noi-vu-ke-hoach", "sonoivu", "congresses:plan_list"),
            _("Danh sách kế hoạch, chương trình của các đơn vị với hạn nộp và trạng thái."),
        ),
        Section(
            _("Theo dõi tiến độ toàn tỉnh"),
            (
                _(
                    "Mở Theo dõi → Theo dõi tiến độ: số hội nghị đã đăng ký, đã tổ chức, số đại biểu "
                    "và cơ cấu (điển hình, nữ, dân tộc thiểu số, trẻ) theo từng tầng."
                ),
                _(
                    "Theo dõi → Đơn vị vi phạm quy định liệt kê đơn vị vượt số đại biểu, sai tỷ lệ "
                    "70/30 hoặc nộp chậm; gửi thư nhắc từ trang Thư nhắc việc."
                ),
            ),
            Shot("so-noi-vu-tien-do", "sonoivu", "oversight:dashboard"),
            _("Bảng theo dõi tiến độ theo tầng hội nghị."),
        ),
        Section(
            _("Xét đề nghị khen thưởng"),
            (
                _("Mở Điển hình → Đề nghị khen thưởng, lọc “Chờ xét”."),
                _(
                    "Mở từng đề nghị, đối chiếu hồ sơ điển hình và thành tích, rồi chấp thuận, "
                    "trả lại hoặc không chấp thuận kèm lý do."
                ),
            ),
            Shot("so-noi-vu-de-nghi", "sonoivu", "honors:nomination_list"),
            _("Danh sách đề nghị khen thưởng với trạng thái xét."),
        ),
        Section(
            _("Báo cáo tổng hợp gửi Trung ương"),
            (
                _(
                    "Mở Hội nghị, Đại hội → Văn bản → Văn bản của tỉnh; bấm tạo báo cáo tổng hợp (PDF và Word)."
                ),
                _(
                    "Văn bản được tạo trong nền; thanh tiến độ cho biết khi nào tải về được. "
                    "Bản PDF có thể ký số bằng chứng thư của Sở Nội vụ."
                ),
            ),
            Shot("so-noi-vu-van-ban", "sonoivu", "reports:province"),
            _("Trang văn bản của tỉnh: báo cáo tổng hợp, bản PDF và Word."),
        ),
    ),
)

OFFICER = Guide(
    key="can-bo-don-vi",
    title=_("Hướng dẫn cho cán bộ đơn vị"),
    audience=_(
        "Cán bộ của xã, phường, thị trấn, huyện, thành phố, sở, ban, ngành, đoàn thể, doanh nghiệp: "
        "nộp kế hoạch, đăng ký hội nghị, lập danh sách đại biểu, in văn bản và báo cáo kết quả. "
        "Cán bộ huyện theo dõi cả các xã của huyện."
    ),
    sections=(
        Section(
            _("Việc đang chờ đơn vị"),
            (
                _("Trang chủ cho biết tầng hội nghị của đơn vị, các việc đang chờ và các việc quá hạn."),
                _("Cán bộ huyện thấy thêm các xã, thị trấn của huyện."),
            ),
            Shot("can-bo-trang-chu", "chora", "home"),
            _("Trang chủ của cán bộ Thị trấn Chợ Rã."),
        ),
        Section(
            _("Nộp kế hoạch, chương trình"),
            (
                _("Mở Hội nghị, Đại hội → Danh sách hội nghị, đại hội, chọn đơn vị, bấm “Nộp kế hoạch”."),
                _(
                    "Chọn tệp PDF hoặc Word (tối đa 20 MB) và nộp trước hạn; khi bị trả lại, sửa và nộp "
                    "lại: các phiên bản cũ vẫn được giữ."
                ),
            ),
            Shot("can-bo-ke-hoach", "chora", "congresses:unit_plans", "own_unit"),
            _("Kế hoạch của đơn vị với hạn nộp, trạng thái và các phiên bản."),
        ),
        Section(
            _("Lập danh sách đại biểu"),
            (
                _(
                    "Mở hội nghị của đơn vị → Danh sách đại biểu. Thêm từng người, hoặc tải mẫu Excel, "
                    "điền rồi “Nhập từ Excel”: trang xem trước chỉ ra từng dòng lỗi và người có thể trùng."
                ),
                _(
                    "Thẻ trên đầu danh sách cho biết số đại biểu so với mức tối đa và tỷ lệ 70 % điển hình "
                    "/ 30 % khách mời, lãnh đạo; cổng không cho vượt mức tối đa."
                ),
            ),
            Shot("can-bo-dai-bieu", "chora", "delegates:roster", "own_event"),
            _("Danh sách đại biểu với số lượng, cơ cấu và tìm kiếm."),
        ),
        Section(
            _("In giấy mời, chương trình, giấy khen"),
            (
                _(
                    "Mở Văn bản của hội nghị; chọn văn bản cần tạo (giấy mời, chương trình, giấy khen…) "
                    "và định dạng PDF hoặc Word."
                ),
                _(
                    "Văn bản lấy tên cơ quan, số, địa danh và người ký từ “Thông tin ban hành văn bản” "
                    "của đơn vị (trang Đơn vị)."
                ),
            ),
            Shot("can-bo-van-ban", "chora", "reports:event_documents", "own_event"),
            _("Văn bản của hội nghị: các lần tạo và tệp tải về."),
        ),
        Section(
            _("Báo cáo kết quả sau hội nghị"),
            (
                _("Sau khi tổ chức, mở Báo cáo kết quả, nhập kết quả, đính kèm biên bản, ảnh."),
                _("Số đại biểu có mặt được lấy từ điểm danh tại cửa hội trường."),
            ),
            Shot("can-bo-bao-cao", "chora", "oversight:results"),
            _("Danh sách báo cáo kết quả của đơn vị."),
        ),
    ),
)

LEADERSHIP = Guide(
    key="lanh-dao",
    title=_("Hướng dẫn cho lãnh đạo"),
    audience=_("Lãnh đạo tỉnh, Hội đồng Thi đua - Khen thưởng: xem số liệu, không sửa dữ liệu."),
    sections=(
        Section(
            _("Số liệu chính"),
            (
                _(
                    "Trang chủ hiển thị các số liệu chính của chiến dịch: số hội nghị, đại biểu, "
                    "điển hình được biểu dương."
                ),
            ),
            Shot("lanh-dao-trang-chu", "lanhdao", "home"),
            _("Trang chủ của lãnh đạo."),
        ),
        Section(
            _("Tiến độ và báo cáo"),
            (
                _("Theo dõi → Theo dõi tiến độ cho từng tầng; Báo cáo kết quả cho từng hội nghị."),
                _("Tài khoản lãnh đạo chỉ xem; mọi thao tác sửa do Sở Nội vụ và các đơn vị thực hiện."),
            ),
            Shot("lanh-dao-tien-do", "lanhdao", "oversight:dashboard"),
            _("Bảng theo dõi tiến độ, chỉ xem."),
        ),
    ),
)

RECEPTION = Guide(
    key="to-don-tiep",
    title=_("Hướng dẫn cho tổ đón tiếp đại biểu"),
    audience=_("Người được cán bộ đơn vị giao điểm danh tại cửa hội trường, trên điện thoại."),
    sections=(
        Section(
            _("Điểm danh tại cửa hội trường"),
            (
                _("Mở trang chủ, bấm “Điểm danh tại cửa” của hội nghị được giao; cho phép dùng camera."),
                _(
                    "Đưa mã QR trên giấy mời hoặc thẻ đại biểu vào khung: tên, thành phần và ghế ngồi hiện ngay; "
                    "quét lại lần hai trang báo “đã điểm danh lúc …”. Không quét được thì tìm theo tên."
                ),
                _(
                    "Khi mất mạng, trang vẫn điểm danh và tự gửi lên khi có mạng lại; "
                    "mỗi đại biểu chỉ được tính một lần dù quét ở nhiều cửa."
                ),
            ),
            Shot("to-don-tiep-cua", "chora", "attendance:door", "own_event", width=390),
            _("Trang điểm danh trên điện thoại."),
        ),
    ),
)

GUIDES: tuple[Guide, ...] = (STAFF, OFFICER, LEADERSHIP, RECEPTION)
GUIDES_BY_KEY = {guide.key: guide for guide in GUIDES}


def guide_key_for(user: User) -> str:
    """The guide a user reads first: their own role's."""
    if is_staff_of_home_affairs(user):
        return STAFF.key
    if sees_whole_province(user):
        return LEADERSHIP.key
    return OFFICER.key


def all_shots() -> list[Shot]:
    return [section.shot for guide in GUIDES for section in guide.sections]
