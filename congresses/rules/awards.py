"""Rules of honours: who proposes and who grants each award form, who reviews, who may publish."""

from collections.abc import Sequence

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import traditional_tone_placement

from .decision import Decision

# --- 6. Awards ----------------------------------------------------------------------
# Who grants each form is data (honors/data/award_types_2022.json, cited to Luật Thi
# đua, khen thưởng số 06/2022/QH15, Chương IV, Điều 77-80, and Nghị định
# 152/2025/NĐ-CP); the rules below read that data as plain values.


# A list of codes as read from the catalogue (a JSON list, a tuple, a set).
Codes = list[str] | tuple[str, ...] | set[str] | frozenset[str]


class Authority:
    """Who signs a quyết định khen thưởng (Luật TĐKT 2022, Điều 77-80)."""

    PRESIDENT = "president"
    PRIME_MINISTER = "prime_minister"
    PROVINCE_CHAIR = "province_chair"
    DEPARTMENT_HEAD = "department_head"
    ENTERPRISE_HEAD = "enterprise_head"
    DISTRICT_CHAIR = "district_chair"
    COMMUNE_CHAIR = "commune_chair"
    ARMED_FORCES_HEAD = "armed_forces_head"


AUTHORITY_LABELS: dict[str, str] = {
    Authority.PRESIDENT: "Chủ tịch nước",
    Authority.PRIME_MINISTER: "Thủ tướng Chính phủ",
    Authority.PROVINCE_CHAIR: "Chủ tịch UBND tỉnh",
    Authority.DEPARTMENT_HEAD: "Giám đốc sở, Thủ trưởng cơ quan, đoàn thể cấp tỉnh",
    Authority.ENTERPRISE_HEAD: "Tổng giám đốc, Giám đốc doanh nghiệp",
    Authority.DISTRICT_CHAIR: "Chủ tịch UBND cấp huyện",
    Authority.COMMUNE_CHAIR: "Chủ tịch UBND cấp xã",
    Authority.ARMED_FORCES_HEAD: "Thủ trưởng đơn vị Quân đội nhân dân, Công an nhân dân",
}
AUTHORITY_CHOICES: list[tuple[str, str]] = list(AUTHORITY_LABELS.items())

# Unit kinds (units.models.UnitKind values) by the level their proposals climb through.
BASE_KINDS = frozenset({"commune", "ward", "town"})
DISTRICT_KINDS = frozenset({"district", "city"})
PROVINCIAL_BODY_KINDS = frozenset({"department", "mass_org"})
ENTERPRISE_KINDS = frozenset({"enterprise"})
PROVINCE_KINDS = frozenset({"province"})
# Commune-level units of the two-tier map (from 1 July 2025) with no district above them.
TWO_TIER_BASE_KINDS = frozenset({"special_zone"})
UNIT_KINDS = (
    BASE_KINDS
    | TWO_TIER_BASE_KINDS
    | DISTRICT_KINDS
    | PROVINCIAL_BODY_KINDS
    | ENTERPRISE_KINDS
    | PROVINCE_KINDS
)

_ABOVE_PROVINCE = (Authority.PROVINCE_CHAIR, Authority.PRIME_MINISTER, Authority.PRESIDENT)


def authority_path(unit_kind: str) -> tuple[str, ...]:
    """The authorities a unit's proposal climbs through, its own head first.

    A commune's own chair, then its district's chair, then the province's chair,
    the Prime Minister and the President; a department starts at its director.
    """
    if unit_kind in BASE_KINDS:
        return (Authority.COMMUNE_CHAIR, Authority.DISTRICT_CHAIR, *_ABOVE_PROVINCE)
    if unit_kind in TWO_TIER_BASE_KINDS:
        return (Authority.COMMUNE_CHAIR, *_ABOVE_PROVINCE)
    if unit_kind in DISTRICT_KINDS:
        return (Authority.DISTRICT_CHAIR, *_ABOVE_PROVINCE)
    if unit_kind in PROVINCIAL_BODY_KINDS:
        return (Authority.DEPARTMENT_HEAD, *_ABOVE_PROVINCE)
    if unit_kind in ENTERPRISE_KINDS:
        return (Authority.ENTERPRISE_HEAD, *_ABOVE_PROVINCE)
    if unit_kind in PROVINCE_KINDS:
        return _ABOVE_PROVINCE
    return ()


def authority_label(authority: str) -> str:
    return AUTHORITY_LABELS.get(authority, authority)


def granting_authority(*, form_authorities: Codes, proposer_kind: str) -> str | None:
    """The authority that grants a form proposed by a unit of this kind: the first on its path."""
    grants = set(form_authorities)
    return next((a for a in authority_path(proposer_kind) if a in grants), None)


def may_propose(
    *, unit_kind: str, form_name: str, proposer_kinds: Codes, form_authorities: Codes
) -> Decision:
    """Whether a unit of this kind may propose the form: the catalogue lists its kind and an
    authority on its path grants the form (a department never proposes a commune's Giấy khen)."""
    if unit_kind in set(proposer_kinds) and granting_authority(
        form_authorities=form_authorities, proposer_kind=unit_kind
    ):
        return Decision(True)
    return Decision(
        False, gettext("Đơn vị loại này không được đề nghị “%(form_name)s”.") % {"form_name": form_name}
    )


def may_grant(*, issuer_authority: str, form_name: str, form_authorities: Codes) -> Decision:
    """Whether a decision of this authority may grant the form."""
    grants = tuple(form_authorities)
    if issuer_authority in grants:
        return Decision(True)
    who = "; ".join(authority_label(a) for a in grants) or gettext("không có cấp nào trong danh mục")
    return Decision(
        False,
        gettext(
            "%(authority_label)s không có thẩm quyền tặng “%(form_name)s” (thẩm quyền: %(who)s). Hãy ghi khen thưởng vào quyết định của cấp có thẩm quyền."
        )
        % {"authority_label": authority_label(issuer_authority), "form_name": form_name, "who": who},
    )


def reviewer_authority_path(proposer_kind: str) -> tuple[str, ...]:
    """The authorities the reviewer of a proposal advises: the district for its communes,
    the province (through Sở Nội vụ) for every other unit."""
    if proposer_kind in BASE_KINDS:
        return authority_path("district")
    return _ABOVE_PROVINCE


def check_raise(
    *, proposed_level: int, new_level: int | None, proposer_kind: str = "", new_authorities: Codes = ()
) -> Decision:
    """Raising a proposal chooses a form of a strictly higher level, granted on the reviewer's path."""
    if new_level is None:
        return Decision(False, gettext("Hãy chọn hình thức khen thưởng mức cao hơn."))
    if new_level <= proposed_level:
        return Decision(False, gettext("Hình thức nâng mức phải cao hơn hình thức đơn vị đề nghị."))
    path = set(reviewer_authority_path(proposer_kind))
    if not path.intersection(new_authorities):
        return Decision(
            False, gettext("Hình thức nâng mức không thuộc thẩm quyền của cấp xét hoặc các cấp trên.")
        )
    return Decision(True)


def award_fits_recipient(*, award_recipient: str, exemplar_kind: str) -> Decision:
    if award_recipient in ("both", exemplar_kind):
        return Decision(True)
    if award_recipient == "individual":
        return Decision(False, gettext("Danh hiệu, hình thức này chỉ dành cho cá nhân."))
    return Decision(False, gettext("Danh hiệu, hình thức này chỉ dành cho tập thể."))


def check_award_period(
    *, decision_year: int, period_start: int, period_end: int, is_earlier_history: bool
) -> Decision:
    """An award counts for the campaign only inside its period, unless marked earlier history."""
    if is_earlier_history or period_start <= decision_year <= period_end:
        return Decision(True)
    return Decision(
        False,
        gettext(
            "Quyết định năm %(decision_year)s nằm ngoài giai đoạn %(period_start)s - %(period_end)s; hãy đánh dấu “thành tích trước giai đoạn” nếu vẫn muốn ghi nhận."
        )
        % {"decision_year": decision_year, "period_start": period_start, "period_end": period_end},
    )


# --- 7. Nominations and publishing --------------------------------------------------


def reviewer_is_home_affairs(proposer_kind: str) -> bool:
    """True when Sở Nội vụ reviews a unit of this kind (its district reviews communes, wards, towns)."""
    return proposer_kind not in BASE_KINDS


def _reviewer_above(
    *,
    is_leadership: bool,
    is_home_affairs: bool,
    reviewer_unit_id: int | None,
    unit_kind: str,
    unit_parent_id: int | None,
    what: str,
) -> Decision:
    if is_leadership:
        return Decision(
            False, gettext("Tài khoản lãnh đạo chỉ được xem, không xét %(what)s.") % {"what": what}
        )
    if reviewer_is_home_affairs(unit_kind):
        if is_home_affairs:
            return Decision(True)
        return Decision(
            False,
            gettext("%(what)s của đơn vị này do Sở Nội vụ xét.") % {"what": what.capitalize()},
        )
    if not is_home_affairs and reviewer_unit_id is not None and reviewer_unit_id == unit_parent_id:
        return Decision(True)
    return Decision(
        False,
        gettext("%(what)s của cấp xã do huyện, thành phố quản lý xét.") % {"what": what.capitalize()},
    )


def may_review(
    *,
    is_leadership: bool,
    is_home_affairs: bool,
    reviewer_unit_id: int | None,
    proposer_kind: str,
    proposer_parent_id: int | None,
) -> Decision:
    """Who reviews a nomination: a district for its communes, Sở Nội vụ for every other unit."""
    return _reviewer_above(
        is_leadership=is_leadership,
        is_home_affairs=is_home_affairs,
        reviewer_unit_id=reviewer_unit_id,
        unit_kind=proposer_kind,
        unit_parent_id=proposer_parent_id,
        what=gettext("đề nghị"),
    )


def check_nomination_target(
    *,
    target: str,
    exemplar_unit_id: int,
    exemplar_unit_kind: str,
    exemplar_parent_id: int | None,
    event_unit_id: int,
    event_unit_kind: str,
) -> Decision:
    """A unit honours at its own event, or proposes to the event of the level above."""
    if target == "own":
        if event_unit_id == exemplar_unit_id:
            return Decision(True)
        return Decision(False, gettext("Sự kiện được chọn không phải của đơn vị có điển hình."))
    if exemplar_unit_kind in BASE_KINDS:
        if event_unit_id == exemplar_parent_id:
            return Decision(True)
        return Decision(False, gettext("Cấp xã chỉ đề nghị lên sự kiện của huyện, thành phố quản lý."))
    if exemplar_unit_kind in PROVINCE_KINDS:
        return Decision(False, gettext("Cấp tỉnh không có cấp trên trong chiến dịch này."))
    if event_unit_kind in PROVINCE_KINDS:
        return Decision(True)
    return Decision(False, gettext("Huyện, sở, ngành chỉ đề nghị lên Đại hội Thi đua yêu nước cấp tỉnh."))


def check_review(*, status: str, reason: str) -> Decision:
    if status == "rejected" and not reason.strip():
        return Decision(False, gettext("Không đồng ý thì phải ghi rõ lý do."))
    if status == "pending":
        return Decision(False, gettext("Hãy chọn kết quả xét."))
    return Decision(True)


class Publication:
    """Where an exemplar stands on the way to the public page /dien-hinh/."""

    DRAFT = "draft"
    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"


PUBLICATION_LABELS: dict[str, str | Promise] = {
    Publication.DRAFT: _("Chưa đề nghị công bố"),
    Publication.REQUESTED: _("Chờ cấp trên duyệt công bố"),
    Publication.APPROVED: _("Đã công bố"),
    Publication.REFUSED: _("Cấp trên không duyệt công bố"),
}


def may_request_publication(*, status: str, has_story: bool, is_unit_writer: bool) -> Decision:
    """The exemplar's unit asks the level above to publish it; it needs a short public story."""
    if not is_unit_writer:
        return Decision(False, gettext("Chỉ cán bộ của đơn vị có điển hình được đề nghị công bố."))
    if status in (Publication.REQUESTED, Publication.APPROVED):
        return Decision(False, gettext("Điển hình này đã được đề nghị công bố hoặc đã công bố."))
    if not has_story:
        return Decision(False, gettext("Muốn đề nghị công bố thì cần viết đoạn giới thiệu ngắn."))
    return Decision(True)


def may_decide_publication(
    *,
    status: str,
    is_leadership: bool,
    is_home_affairs: bool,
    reviewer_unit_id: int | None,
    unit_kind: str,
    unit_parent_id: int | None,
) -> Decision:
    """The reviewer above the unit approves or refuses publication: the district for its
    communes, Sở Nội vụ for districts, departments and every other unit."""
    right = _reviewer_above(
        is_leadership=is_leadership,
        is_home_affairs=is_home_affairs,
        reviewer_unit_id=reviewer_unit_id,
        unit_kind=unit_kind,
        unit_parent_id=unit_parent_id,
        what=gettext("đề nghị công bố"),
    )
    if not right:
        return right
    if status != Publication.REQUESTED:
        return Decision(False, gettext("Điển hình này không có đề nghị công bố đang chờ duyệt."))
    return Decision(True)


def check_publication_refusal(*, reason: str) -> Decision:
    if not reason.strip():
        return Decision(False, gettext("Không duyệt công bố thì phải ghi rõ lý do."))
    return Decision(True)


def may_withdraw_publication(*, status: str, is_unit_writer: bool, is_reviewer: bool) -> Decision:
    """The unit or its reviewer takes an exemplar off the public page (or a request back), at once."""
    if not (is_unit_writer or is_reviewer):
        return Decision(False, gettext("Chỉ đơn vị có điển hình hoặc cấp duyệt được rút công bố."))
    if status not in (Publication.REQUESTED, Publication.APPROVED):
        return Decision(False, gettext("Điển hình này chưa được đề nghị công bố."))
    return Decision(True)


# The kinds of body whose head holds each authority (a commune's chair heads the commune's UBND).
_AUTHORITY_BODY_KINDS: dict[str, frozenset[str]] = {
    Authority.COMMUNE_CHAIR: BASE_KINDS | TWO_TIER_BASE_KINDS,
    Authority.DISTRICT_CHAIR: DISTRICT_KINDS,
    Authority.PROVINCE_CHAIR: PROVINCE_KINDS,
    Authority.DEPARTMENT_HEAD: PROVINCIAL_BODY_KINDS,
    Authority.ENTERPRISE_HEAD: ENTERPRISE_KINDS,
}


def issuing_unit_id(*, authority: str, chain: Sequence[tuple[int, str]]) -> int | None:
    """The body that issues a decision of this authority for a unit: the first on the unit's chain
    (the unit itself, then its parents: (id, kind) pairs) whose head holds the authority.

    A province's Bằng khen presented at a commune's conference is issued by the province, a
    commune's Giấy khen by the commune; None for an authority above the province (its decision
    is not the portal's to print).
    """
    kinds = _AUTHORITY_BODY_KINDS.get(authority)
    if kinds is None:
        return None
    return next((unit_id for unit_id, kind in chain if kind in kinds), None)


# Words of a title or a body, never of a person's name ("Chủ tịch UBND Thị trấn Chợ Rã" is not a signer).
_TITLE_WORDS = ("ubnd", "ủy ban", "chủ tịch", "giám đốc", "thủ trưởng")


def signer_name_problem(name: str) -> str:
    """Why `name` cannot be printed as the signer's full name (a title or a body was typed), or ""."""
    folded = traditional_tone_placement(name.strip()).lower()
    if any(word in folded for word in _TITLE_WORDS):
        return gettext(
            "“%(name)s” là chức vụ hoặc tên cơ quan; ô “Người ký” ghi họ và tên người ký (ví dụ “Triệu Văn Tâm”)."
        ) % {"name": name.strip()}
    return ""
