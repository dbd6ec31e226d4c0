"""The user guide (Hướng dẫn sử dụng): one guide per role, as data.

Each section names the screen it explains and the screenshot of it. The screenshots in
`static/guide/` are made by the browser test `tests/browser/test_user_guide.py` from the demo
data (`make guide-screenshots` writes them there), so the pictures follow the screens.
"""

from dataclasses import dataclass

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
    title: str
    steps: tuple[str, ...]
    shot: Shot
    caption: str


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    audience: str
    sections: tuple[Section, ...]


STAFF = Guide(
    key="so-noi-vu",
    title="Hướng dẫn cho cán bộ Sở Nội vụ",
    audience="Cán bộ Ban Thi đua - Khen thưởng, Sở Nội vụ: quản trị chiến dịch, xem xét kế hoạch, "
    "theo dõi tiến độ, xét khen thưởng và báo cáo Hội đồng Thi đua - Khen thưởng Trung ương.",
    sections=(
        Section(
            "Việc đang chờ bạn",
            (
                "Đăng nhập bằng tài khoản của Sở Nội vụ; trang chủ liệt kê các việc đang chờ kèm số lượng: "
                "kế hoạch chờ xem xét, đề nghị khen thưởng chờ xét, điển hình chờ duyệt công bố, "
                "sự kiện quá hạn báo cáo.",
                "Bấm vào một dòng để mở đúng danh sách cần xử lý.",
            ),
            Shot("so-noi-vu-trang-chu", "sonoivu", "home"),
            "Trang chủ của Sở Nội vụ: việc đang chờ và các tầng hội nghị của chiến dịch.",
        ),
        Section(
            "Xem xét kế hoạch của các đơn vị",
            (
                "Mở Hội nghị, Đại hội → Kế hoạch của các đơn vị; lọc theo trạng thái “Đã nộp”.",
                "Mở từng kế hoạch, tải tệp về đọc, rồi chọn “Chấp thuận” hoặc “Trả lại” kèm ý kiến; "
                "đơn vị nhận được thư báo và sửa, nộp lại.",
            ),
            Shot("so-noi-vu-ke-hoach", "sonoivu", "congresses:plan_list"),
            "Danh sách kế hoạch, chương trình của các đơn vị với hạn nộp và trạng thái.",
        ),
        Section(
            "Theo dõi tiến độ toàn tỉnh",
            (
                "Mở Theo dõi → Theo dõi tiến độ: số hội nghị đã đăng ký, đã tổ chức, số đại biểu "
                "và cơ cấu (điển hình, nữ, dân tộc thiểu số, trẻ) theo từng tầng.",
                "Theo dõi → Đơn vị vi phạm quy định liệt kê đơn vị vượt số đại biểu, sai tỷ lệ "
                "70/30 hoặc nộp chậm; gửi thư nhắc từ trang Thư nhắc việc.",
            ),
            Shot("so-noi-vu-tien-do", "sonoivu", "oversight:dashboard"),
            "Bảng theo dõi tiến độ theo tầng hội nghị.",
        ),
        Section(
            "Xét đề nghị khen thưởng",
            (
                "Mở Điển hình → Đề nghị khen thưởng, lọc “Chờ xét”.",
                "Mở từng đề nghị, đối chiếu hồ sơ điển hình và thành tích, rồi chấp thuận, "
                "trả lại hoặc không chấp thuận kèm lý do.",
            ),
            Shot("so-noi-vu-de-nghi", "sonoivu", "honors:nomination_list"),
            "Danh sách đề nghị khen thưởng với trạng thái xét.",
        ),
        Section(
            "Báo cáo tổng hợp gửi Trung ương",
            (
                "Mở Hội nghị, Đại hội → Văn bản → Văn bản của tỉnh; bấm tạo báo cáo tổng hợp (PDF và Word).",
                "Văn bản được tạo trong nền; thanh tiến độ cho biết khi nào tải về được. "
                "Bản PDF có thể ký số bằng chứng thư của Sở Nội vụ.",
            ),
            Shot("so-noi-vu-van-ban", "sonoivu", "reports:province"),
            "Trang văn bản của tỉnh: báo cáo tổng hợp, bản PDF và Word.",
        ),
    ),
)

OFFICER = Guide(
    key="can-bo-don-vi",
    title="Hướng dẫn cho cán bộ đơn vị",
    audience="Cán bộ của xã, phường, thị trấn, huyện, thành phố, sở, ban, ngành, đoàn thể, doanh nghiệp: "
    "nộp kế hoạch, đăng ký hội nghị, lập danh sách đại biểu, in văn bản và báo cáo kết quả. "
    "Cán bộ huyện theo dõi cả các xã của huyện.",
    sections=(
        Section(
            "Việc đang chờ đơn vị",
            (
                "Trang chủ cho biết tầng hội nghị của đơn vị, các việc đang chờ và các việc quá hạn.",
                "Cán bộ huyện thấy thêm các xã, thị trấn của huyện.",
            ),
            Shot("can-bo-trang-chu", "chora", "home"),
            "Trang chủ của cán bộ Thị trấn Chợ Rã.",
        ),
        Section(
            "Nộp kế hoạch, chương trình",
            (
                "Mở Hội nghị, Đại hội → Danh sách hội nghị, đại hội, chọn đơn vị, bấm “Nộp kế hoạch”.",
                "Chọn tệp PDF hoặc Word (tối đa 20 MB) và nộp trước hạn; khi bị trả lại, sửa và nộp "
                "lại: các phiên bản cũ vẫn được giữ.",
            ),
            Shot("can-bo-ke-hoach", "chora", "congresses:unit_plans", "own_unit"),
            "Kế hoạch của đơn vị với hạn nộp, trạng thái và các phiên bản.",
        ),
        Section(
            "Lập danh sách đại biểu",
            (
                "Mở hội nghị của đơn vị → Danh sách đại biểu. Thêm từng người, hoặc tải mẫu Excel, "
                "điền rồi “Nhập từ Excel”: trang xem trước chỉ ra từng dòng lỗi và người có thể trùng.",
                "Thẻ trên đầu danh sách cho biết số đại biểu so với mức tối đa và tỷ lệ 70 % điển hình "
                "/ 30 % khách mời, lãnh đạo; cổng không cho vượt mức tối đa.",
            ),
            Shot("can-bo-dai-bieu", "chora", "delegates:roster", "own_event"),
            "Danh sách đại biểu với số lượng, cơ cấu và tìm kiếm.",
        ),
        Section(
            "In giấy mời, chương trình, giấy khen",
            (
                "Mở Văn bản của hội nghị; chọn văn bản cần tạo (giấy mời, chương trình, giấy khen…) "
                "và định dạng PDF hoặc Word.",
                "Văn bản lấy tên cơ quan, số, địa danh và người ký từ “Thông tin ban hành văn bản” "
                "của đơn vị (trang Đơn vị).",
            ),
            Shot("can-bo-van-ban", "chora", "reports:event_documents", "own_event"),
            "Văn bản của hội nghị: các lần tạo và tệp tải về.",
        ),
        Section(
            "Báo cáo kết quả sau hội nghị",
            (
                "Sau khi tổ chức, mở Báo cáo kết quả, nhập kết quả, đính kèm biên bản, ảnh.",
                "Số đại biểu có mặt được lấy từ điểm danh tại cửa hội trường.",
            ),
            Shot("can-bo-bao-cao", "chora", "oversight:results"),
            "Danh sách báo cáo kết quả của đơn vị.",
        ),
    ),
)

LEADERSHIP = Guide(
    key="lanh-dao",
    title="Hướng dẫn cho lãnh đạo",
    audience="Lãnh đạo tỉnh, Hội đồng Thi đua - Khen thưởng: xem số liệu, không sửa dữ liệu.",
    sections=(
        Section(
            "Số liệu chính",
            (
                "Trang chủ hiển thị các số liệu chính của chiến dịch: số hội nghị, đại biểu, "
                "điển hình được biểu dương.",
            ),
            Shot("lanh-dao-trang-chu", "lanhdao", "home"),
            "Trang chủ của lãnh đạo.",
        ),
        Section(
            "Tiến độ và báo cáo",
            (
                "Theo dõi → Theo dõi tiến độ cho từng tầng; Báo cáo kết quả cho từng hội nghị.",
                "Tài khoản lãnh đạo chỉ xem; mọi thao tác sửa do Sở Nội vụ và các đơn vị thực hiện.",
            ),
            Shot("lanh-dao-tien-do", "lanhdao", "oversight:dashboard"),
            "Bảng theo dõi tiến độ, chỉ xem.",
        ),
    ),
)

RECEPTION = Guide(
    key="to-don-tiep",
    title="Hướng dẫn cho tổ đón tiếp đại biểu",
    audience="Người được cán bộ đơn vị giao điểm danh tại cửa hội trường, trên điện thoại.",
    sections=(
        Section(
            "Điểm danh tại cửa hội trường",
            (
                "Mở trang chủ, bấm “Điểm danh tại cửa” của hội nghị được giao; cho phép dùng camera.",
                "Đưa mã QR trên giấy mời hoặc thẻ đại biểu vào khung: tên, thành phần và ghế ngồi hiện ngay; "
                "quét lại lần hai trang báo “đã điểm danh lúc …”. Không quét được thì tìm theo tên.",
                "Khi mất mạng, trang vẫn điểm danh và tự gửi lên khi có mạng lại; "
                "mỗi đại biểu chỉ được tính một lần dù quét ở nhiều cửa.",
            ),
            Shot("to-don-tiep-cua", "chora", "attendance:door", "own_event", width=390),
            "Trang điểm danh trên điện thoại.",
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
