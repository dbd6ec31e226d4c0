"""The campaign's rulebook: every rule of a campaign, once, as a pure function.

No ORM and no request: plain values in, one `Decision` out. Services enforce
with these functions, pages and the dashboard display with them, compliance and
the summary report judge with them. If you are about to compare a number with a
cap, a share or a date window anywhere else, call the rule here instead.

Sections:
  1. Decision (the one answer type)
  2. Delegate caps: effective cap, who may change it, seats left
  3. The exemplar share and its always-doable advice
  4. The quarter window and sessions
  5. Delegation quotas to the upper congress
  6. Awards: who proposes and who grants each form (Luật TĐKT 2022, NĐ 152/2025/NĐ-CP)
  7. Nominations: who reviews; exemplars: who may publish
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

# --- 1. Decision ------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """The answer of every rule: allowed or not, with a reason safe to show a user.

    `value` carries the number a rule computes (the effective cap, seats left);
    the share advice numbers are set only by the share rule.
    """

    allowed: bool
    reason: str = ""
    value: int | None = None
    exemplars_to_add: int = 0
    others_to_convert: int = 0
    others_to_remove: int = 0

    def __bool__(self) -> bool:
        return self.allowed


# --- 2. Delegate caps ---------------------------------------------------------------


class CapSetter:
    """Who may set an event's own delegate number (TierRule.cap_setter)."""

    NOBODY = ""  # the tier's cap applies as it is
    UNIT = "unit"  # the unit (or Sở Nội vụ acting for it) may set a lower number
    STAFF = "staff"  # only Sở Nội vụ sets the number, within the tier's cap


def effective_cap(*, own_cap: int | None, tier_cap: int | None) -> Decision:
    """The cap that applies: the event's own number when set (0 included), else the tier's.

    `value` is the cap (None: no cap at all).
    """
    cap = own_cap if own_cap is not None else tier_cap
    if cap is None:
        return Decision(True, "Không giới hạn số đại biểu.", None)
    if own_cap is not None and tier_cap is not None and own_cap != tier_cap:
        return Decision(True, f"Tối đa {cap} đại biểu (mức riêng của đơn vị; mức của cấp: {tier_cap}).", cap)
    return Decision(True, f"Tối đa {cap} đại biểu.", cap)


def may_set_cap(*, setter: str, by_staff: bool) -> Decision:
    """May this user set an event's own cap at all? Only where the tier allows, only by whom it names.

    `by_staff` tells whether the user is Sở Nội vụ staff; the caller has already
    checked that the user may change the unit.
    """
    if setter == CapSetter.UNIT:
        return Decision(True)
    if setter == CapSetter.STAFF:
        if by_staff:
            return Decision(True)
        return Decision(False, "Số đại biểu tối đa của sự kiện này do Sở Nội vụ quyết định.")
    return Decision(False, "Số đại biểu tối đa của cấp này áp dụng theo kế hoạch; đơn vị không tự đặt.")


def cap_change(
    *,
    tier_cap: int,
    setter: str,
    by_staff: bool,
    requested: int | None,
    headcount: int,
    handed_down: int = 0,
) -> Decision:
    """May an event's own cap become `requested` (None: back to the tier's cap)?

    Never 0, never above the tier's cap, never below the roster's headcount nor
    below the seats a congress has already handed down as delegation quotas;
    only where the tier allows it and only by whom it names. Going back to the
    tier's cap is always allowed (it is the plan's own number). `value` is the
    cap that will apply.
    """
    if requested is None:
        return Decision(True, f"Dùng mức tối đa của cấp: {tier_cap} đại biểu.", tier_cap)
    who = may_set_cap(setter=setter, by_staff=by_staff)
    if not who:
        return Decision(False, who.reason, tier_cap)
    if requested < 1:
        return Decision(False, "Số đại biểu tối đa phải từ 1 trở lên.", tier_cap)
    if requested > tier_cap:
        return Decision(
            False, f"Số đại biểu tối đa không được vượt quá {tier_cap} (mức của cấp theo kế hoạch).", tier_cap
        )
    if requested < headcount:
        return Decision(
            False,
            f"Danh sách đã có {headcount} đại biểu; không đặt mức tối đa thấp hơn ({requested}) được. "
            "Hãy bớt đại biểu trước.",
            tier_cap,
        )
    if requested < handed_down:
        return Decision(
            False,
            f"Đã phân bổ {handed_down} đại biểu cho các đơn vị cấp dưới; không đặt mức tối đa thấp hơn "
            f"({requested}) được. Hãy giảm số phân bổ trước.",
            tier_cap,
        )
    return Decision(True, f"Mức tối đa mới: {requested} đại biểu.", requested)


def seats_left(*, cap: int | None, headcount: int, requested: int = 1) -> Decision:
    """May `requested` more delegates join a roster of `headcount` under `cap` (None: no cap)?

    `value` is the seats left before the request (never negative; None: no cap).
    With `requested=0` it judges the roster as it stands (over the cap or not).
    """
    if headcount < 0 or requested < 0:
        return Decision(False, "Số đại biểu không hợp lệ.", 0)
    if cap is None:
        return Decision(True, "Không giới hạn số đại biểu.", None)
    left = max(cap - headcount, 0)
    if requested == 0:
        if headcount > cap:
            return Decision(False, f"Danh sách đại biểu {headcount} người, vượt mức tối đa {cap} người", left)
        return Decision(True, f"Còn {left} chỗ trong tối đa {cap} đại biểu.", left)
    if requested <= left:
        return Decision(True, f"Còn {left} chỗ trong tối đa {cap} đại biểu.", left)
    if left == 0:
        return Decision(False, f"Danh sách đã đủ {cap} đại biểu (mức tối đa), không thể thêm.", left)
    return Decision(
        False,
        f"Chỉ còn {left} chỗ trong tối đa {cap} đại biểu, "
        f"không thể thêm {requested} đại biểu (vượt {requested - left}).",
        left,
    )


# --- 3. The exemplar share ----------------------------------------------------------


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def exemplar_share(*, exemplars: int, total: int, min_percent: int, cap: int | None = None) -> Decision:
    """Is exemplars / total ≥ min_percent %? Exact integers; when not, advice that is always doable.

    An empty roster has NOT reached the share: nothing can be finalised from it,
    and compliance reports it like any other roster below the share ("chưa có
    đại biểu"). This is the one meaning of an empty roster everywhere.

    The advice (each option alone fixes the share, and keeps the roster within `cap`):
    - `exemplars_to_add`: add that many exemplars, only when they fit in the seats left;
    - `others_to_convert`: change that many guests/leaders into an exemplar category;
    - `others_to_remove`: remove that many guests/leaders.
    An option that is not doable is 0. `value` is the exemplar percent, rounded down.
    """
    if not 0 <= exemplars <= total or not 0 <= min_percent <= 100:
        return Decision(False, "Số liệu đại biểu không hợp lệ.")
    left = None if cap is None else max(cap - total, 0)
    if total == 0:
        if left is None or left >= 1:
            return Decision(
                False,
                f"Danh sách chưa có đại biểu nào: cần ít nhất {min_percent}% đại biểu điển hình tiên tiến, "
                "hãy thêm đại biểu điển hình tiên tiến.",
                0,
                exemplars_to_add=1,
            )
        return Decision(
            False, "Danh sách chưa có đại biểu nào và mức tối đa là 0 đại biểu: hãy đặt lại mức tối đa.", 0
        )
    percent = exemplars * 100 // total
    if exemplars * 100 >= min_percent * total:
        return Decision(
            True,
            f"Đại biểu điển hình tiên tiến đạt {exemplars}/{total}, đủ tối thiểu {min_percent}%.",
            percent,
        )
    others = total - exemplars
    gap = min_percent * total - exemplars * 100  # > 0, so min_percent > 0 and others > 0
    within_cap = left is None or total <= cap  # type: ignore[operator]
    # Add a exemplars: (e + a)·100 ≥ p·(t + a) ⇔ a·(100 − p) ≥ gap; only within the seats left.
    to_add = _ceil_div(gap, 100 - min_percent) if min_percent < 100 else 0
    if not within_cap or (left is not None and to_add > left):
        to_add = 0
    # Convert n others: (e + n)·100 ≥ p·t ⇔ n·100 ≥ gap; n ≤ others since p ≤ 100.
    to_convert = _ceil_div(gap, 100) if within_cap else 0
    # Remove r others: e·100 ≥ p·(t − r) ⇔ r·p ≥ gap. Removing more others only raises the share,
    # so a roster over its cap removes down to the cap; never all delegates (e > 0), never an exemplar.
    to_remove = _ceil_div(gap, min_percent) if exemplars > 0 else 0
    if to_remove and cap is not None and total - to_remove > cap:
        to_remove = total - cap
    if to_remove > others:
        to_remove = 0
    options = []
    if to_add:
        options.append(f"thêm {to_add} đại biểu điển hình tiên tiến")
    if to_remove:
        options.append(f"bớt {to_remove} đại biểu khách mời, lãnh đạo")
    if to_convert:
        options.append(
            f"chuyển {to_convert} đại biểu khách mời, lãnh đạo sang thành phần điển hình tiên tiến "
            "(nếu đúng là điển hình)"
        )
    advice = " hoặc ".join(options) if options else f"bớt đại biểu để về trong mức tối đa {cap}"
    full = ""
    if not to_add and left is not None and within_cap:
        full = f" (danh sách chỉ còn {left} chỗ trong tối đa {cap})" if left else f" (danh sách đã đủ {cap})"
    return Decision(
        False,
        f"Đại biểu điển hình tiên tiến mới có {exemplars}/{total}, dưới tỷ lệ tối thiểu {min_percent}%: "
        f"cần {advice}{full}.",
        percent,
        exemplars_to_add=to_add,
        others_to_convert=to_convert,
        others_to_remove=to_remove,
    )


# --- 4. Window and sessions ---------------------------------------------------------


def date_in_window(*, day: date | None, window_start: date, window_end: date, window_label: str) -> Decision:
    """The event is held inside its tier's window, both ends included.

    `value` is how far outside: days before the window (negative), after it
    (positive), 0 inside; None when no day is given.
    """
    window = f"{window_label} (từ {window_start:%d/%m/%Y} đến {window_end:%d/%m/%Y})"
    if day is None:
        return Decision(False, f"Vui lòng chọn ngày tổ chức trong {window}.")
    if day < window_start:
        days = (window_start - day).days
        return Decision(
            False,
            f"Ngày tổ chức phải trong {window}. Ngày {day:%d/%m/%Y} ngoài thời gian của cấp (sớm {days} ngày).",
            -days,
        )
    if day > window_end:
        days = (day - window_end).days
        return Decision(
            False,
            f"Ngày tổ chức phải trong {window}. Ngày {day:%d/%m/%Y} ngoài thời gian của cấp (muộn {days} ngày).",
            days,
        )
    return Decision(True, f"Tổ chức ngày {day:%d/%m/%Y}, trong {window}.", 0)


def sessions_within(*, allowed: int, session: str, agenda_hours: Iterable[int]) -> Decision:
    """An event takes its own half-day plus any half-day its programme runs into; at most `allowed`.

    `value` is the number of half-days used.
    """
    halves = {session}
    for hour in agenda_hours:
        halves.add("morning" if hour < 12 else "afternoon")
    used = len(halves)
    if used <= allowed:
        return Decision(True, f"Tổ chức {used} buổi, trong số buổi cho phép ({allowed} buổi).", used)
    return Decision(False, f"Tổ chức {used} buổi, quá số buổi cho phép ({allowed} buổi)", used)


# --- 5. Delegation quotas -----------------------------------------------------------


def quota_change(
    *, cap: int | None, before: Mapping[int, int], after: Mapping[int, int], approved: Mapping[int, int]
) -> Decision:
    """May an upper unit hand down `after` (unit id -> seats) instead of `before`?

    Seats handed down never exceed the upper congress's cap, except that a
    reduction (no quota rises, none is added) is always accepted, so a unit
    whose quotas already exceed its cap can bring them back down. A quota never
    falls below the delegation its unit has already approved. `value` is the total after.
    """
    if any(seats < 0 for seats in after.values()):
        return Decision(False, "Số đại biểu phân bổ không được âm.")
    for unit_id, size in approved.items():
        if unit_id in before and after.get(unit_id, -1) < size:
            return Decision(
                False,
                "Không thể giảm số phân bổ xuống dưới số đại biểu của đoàn đã được thông qua "
                f"({size} đại biểu): hãy để đơn vị hủy thông qua đoàn trước.",
            )
    total = sum(after.values())
    reduction = all(seats <= before.get(unit_id, -1) for unit_id, seats in after.items())
    if cap is not None and total > cap and not reduction:
        return Decision(
            False,
            f"Tổng số đại biểu phân bổ ({total}) vượt số đại biểu tối đa của Đại hội cấp trên ({cap}).",
            total,
        )
    return Decision(True, f"Đã phân bổ {total} đại biểu.", total)


def delegation_size(*, quota: int | None, chosen: int, roster_finalised: bool) -> Decision:
    """A delegation to the upper congress comes from a finalised roster and fits its quota.

    `value` is the seats of the quota left unused (None: no quota).
    """
    if quota is None:
        return Decision(False, "Cấp trên chưa phân bổ số đại biểu cho đơn vị, chưa thể thông qua đoàn.")
    if not roster_finalised:
        return Decision(
            False,
            "Danh sách đại biểu của đơn vị chưa được chốt: hãy chốt danh sách trước khi thông qua "
            "đoàn đại biểu dự Đại hội cấp trên.",
            max(quota - chosen, 0),
        )
    if chosen == 0:
        return Decision(False, "Chưa chọn đại biểu nào cho đoàn.", quota)
    if chosen > quota:
        return Decision(
            False,
            f"Đoàn đại biểu dự Đại hội cấp trên {chosen} người, vượt số được phân bổ ({quota}): "
            f"cần bớt {chosen - quota}.",
            0,
        )
    return Decision(True, f"Đoàn {chosen}/{quota} đại biểu theo phân bổ.", quota - chosen)


def delegate_removal(*, copied_to: Sequence[str]) -> Decision:
    """A delegate already on an upper congress's roster (copied from this one) cannot vanish from below."""
    if copied_to:
        names = ", ".join(copied_to)
        return Decision(
            False,
            f"Đại biểu này đã được đưa vào danh sách {names}; không thể xóa khỏi danh sách của đơn vị. "
            "Hãy đề nghị cấp trên bỏ đại biểu khỏi danh sách Đại hội trước.",
        )
    return Decision(True)


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
UNIT_KINDS = BASE_KINDS | DISTRICT_KINDS | PROVINCIAL_BODY_KINDS | ENTERPRISE_KINDS | PROVINCE_KINDS

_ABOVE_PROVINCE = (Authority.PROVINCE_CHAIR, Authority.PRIME_MINISTER, Authority.PRESIDENT)


def authority_path(unit_kind: str) -> tuple[str, ...]:
    """The authorities a unit's proposal climbs through, its own head first.

    A commune's own chair, then its district's chair, then the province's chair,
    the Prime Minister and the President; a department starts at its director.
    """
    if unit_kind in BASE_KINDS:
        return (Authority.COMMUNE_CHAIR, Authority.DISTRICT_CHAIR, *_ABOVE_PROVINCE)
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
    return Decision(False, f"Đơn vị loại này không được đề nghị “{form_name}”.")


def may_grant(*, issuer_authority: str, form_name: str, form_authorities: Codes) -> Decision:
    """Whether a decision of this authority may grant the form."""
    grants = tuple(form_authorities)
    if issuer_authority in grants:
        return Decision(True)
    who = "; ".join(authority_label(a) for a in grants) or "không có cấp nào trong danh mục"
    return Decision(
        False,
        f"{authority_label(issuer_authority)} không có thẩm quyền tặng “{form_name}” "
        f"(thẩm quyền: {who}). Hãy ghi khen thưởng vào quyết định của cấp có thẩm quyền.",
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
        return Decision(False, "Hãy chọn hình thức khen thưởng mức cao hơn.")
    if new_level <= proposed_level:
        return Decision(False, "Hình thức nâng mức phải cao hơn hình thức đơn vị đề nghị.")
    path = set(reviewer_authority_path(proposer_kind))
    if not path.intersection(new_authorities):
        return Decision(False, "Hình thức nâng mức không thuộc thẩm quyền của cấp xét hoặc các cấp trên.")
    return Decision(True)


def award_fits_recipient(*, award_recipient: str, exemplar_kind: str) -> Decision:
    if award_recipient in ("both", exemplar_kind):
        return Decision(True)
    if award_recipient == "individual":
        return Decision(False, "Danh hiệu, hình thức này chỉ dành cho cá nhân.")
    return Decision(False, "Danh hiệu, hình thức này chỉ dành cho tập thể.")


def check_award_period(
    *, decision_year: int, period_start: int, period_end: int, is_earlier_history: bool
) -> Decision:
    """An award counts for the campaign only inside its period, unless marked earlier history."""
    if is_earlier_history or period_start <= decision_year <= period_end:
        return Decision(True)
    return Decision(
        False,
        f"Quyết định năm {decision_year} nằm ngoài giai đoạn {period_start} - {period_end}; "
        "hãy đánh dấu “thành tích trước giai đoạn” nếu vẫn muốn ghi nhận.",
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
        return Decision(False, f"Tài khoản lãnh đạo chỉ được xem, không xét {what}.")
    if reviewer_is_home_affairs(unit_kind):
        if is_home_affairs:
            return Decision(True)
        return Decision(False, f"{what.capitalize()} của đơn vị này do Sở Nội vụ xét.")
    if not is_home_affairs and reviewer_unit_id is not None and reviewer_unit_id == unit_parent_id:
        return Decision(True)
    return Decision(False, f"{what.capitalize()} của cấp xã do huyện, thành phố quản lý xét.")


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
        what="đề nghị",
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
        return Decision(False, "Sự kiện được chọn không phải của đơn vị có điển hình.")
    if exemplar_unit_kind in BASE_KINDS:
        if event_unit_id == exemplar_parent_id:
            return Decision(True)
        return Decision(False, "Cấp xã chỉ đề nghị lên sự kiện của huyện, thành phố quản lý.")
    if exemplar_unit_kind in PROVINCE_KINDS:
        return Decision(False, "Cấp tỉnh không có cấp trên trong chiến dịch này.")
    if event_unit_kind in PROVINCE_KINDS:
        return Decision(True)
    return Decision(False, "Huyện, sở, ngành chỉ đề nghị lên Đại hội Thi đua yêu nước cấp tỉnh.")


def check_review(*, status: str, reason: str) -> Decision:
    if status == "rejected" and not reason.strip():
        return Decision(False, "Không đồng ý thì phải ghi rõ lý do.")
    if status == "pending":
        return Decision(False, "Hãy chọn kết quả xét.")
    return Decision(True)


class Publication:
    """Where an exemplar stands on the way to the public page /dien-hinh/."""

    DRAFT = "draft"
    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"


PUBLICATION_LABELS: dict[str, str] = {
    Publication.DRAFT: "Chưa đề nghị công bố",
    Publication.REQUESTED: "Chờ cấp trên duyệt công bố",
    Publication.APPROVED: "Đã công bố",
    Publication.REFUSED: "Cấp trên không duyệt công bố",
}


def may_request_publication(*, status: str, has_story: bool, is_unit_writer: bool) -> Decision:
    """The exemplar's unit asks the level above to publish it; it needs a short public story."""
    if not is_unit_writer:
        return Decision(False, "Chỉ cán bộ của đơn vị có điển hình được đề nghị công bố.")
    if status in (Publication.REQUESTED, Publication.APPROVED):
        return Decision(False, "Điển hình này đã được đề nghị công bố hoặc đã công bố.")
    if not has_story:
        return Decision(False, "Muốn đề nghị công bố thì cần viết đoạn giới thiệu ngắn.")
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
        what="đề nghị công bố",
    )
    if not right:
        return right
    if status != Publication.REQUESTED:
        return Decision(False, "Điển hình này không có đề nghị công bố đang chờ duyệt.")
    return Decision(True)


def check_publication_refusal(*, reason: str) -> Decision:
    if not reason.strip():
        return Decision(False, "Không duyệt công bố thì phải ghi rõ lý do.")
    return Decision(True)


def may_withdraw_publication(*, status: str, is_unit_writer: bool, is_reviewer: bool) -> Decision:
    """The unit or its reviewer takes an exemplar off the public page (or a request back), at once."""
    if not (is_unit_writer or is_reviewer):
        return Decision(False, "Chỉ đơn vị có điển hình hoặc cấp duyệt được rút công bố.")
    if status not in (Publication.REQUESTED, Publication.APPROVED):
        return Decision(False, "Điển hình này chưa được đề nghị công bố.")
    return Decision(True)
