"""The campaign's rulebook: every rule of a campaign, once, as a pure function.

No ORM and no request: plain values in, one `Decision` out. Services enforce
with these functions, pages and the dashboard display with them, compliance and
the summary report judge with them. If you are about to compare a number with a
cap, a share or a date window anywhere else, call the rule here instead.

Callers import from `congresses.rules`; the rules are kept in six short files:
  decision.py  the one answer type, `Decision`
  roster.py    effective cap, who may change a cap, seats left, the exemplar share and its advice
  schedule.py  the tier's window, sessions
  quotas.py    delegation quotas handed down, delegation size, a delegate sent upward
  attendance.py  when an invitation may be answered, a replacement, a code read at the door
  awards.py    who proposes and who grants each award form (Luật TĐKT 2022, NĐ 152/2025/NĐ-CP),
               who reviews a nomination, who may publish an exemplar
"""

from .attendance import (
    door_admission,
    invitation_open,
    replacement_change,
)
from .awards import (
    AUTHORITY_CHOICES,
    AUTHORITY_LABELS,
    BASE_KINDS,
    DISTRICT_KINDS,
    ENTERPRISE_KINDS,
    PROVINCE_KINDS,
    PROVINCIAL_BODY_KINDS,
    PUBLICATION_LABELS,
    UNIT_KINDS,
    Authority,
    Codes,
    Publication,
    authority_label,
    authority_path,
    award_fits_recipient,
    check_award_period,
    check_nomination_target,
    check_publication_refusal,
    check_raise,
    check_review,
    granting_authority,
    issuing_unit_id,
    may_decide_publication,
    may_grant,
    may_propose,
    may_request_publication,
    may_review,
    may_withdraw_publication,
    reviewer_authority_path,
    reviewer_is_home_affairs,
    signer_name_problem,
)
from .decision import (
    Decision,
)
from .quotas import (
    delegate_removal,
    delegation_size,
    quota_change,
)
from .roster import (
    CapSetter,
    cap_change,
    effective_cap,
    exemplar_share,
    may_set_cap,
    seats_left,
)
from .schedule import (
    SESSION_START,
    campaign_in_preparation,
    campaign_map_date,
    date_in_window,
    session_start,
    sessions_within,
)

__all__ = [
    "Decision",
    "campaign_map_date",
    "campaign_in_preparation",
    "CapSetter",
    "effective_cap",
    "may_set_cap",
    "cap_change",
    "seats_left",
    "exemplar_share",
    "date_in_window",
    "sessions_within",
    "SESSION_START",
    "session_start",
    "quota_change",
    "delegation_size",
    "delegate_removal",
    "invitation_open",
    "replacement_change",
    "door_admission",
    "Authority",
    "authority_path",
    "authority_label",
    "granting_authority",
    "may_propose",
    "may_grant",
    "reviewer_authority_path",
    "check_raise",
    "award_fits_recipient",
    "check_award_period",
    "reviewer_is_home_affairs",
    "may_review",
    "check_nomination_target",
    "check_review",
    "Publication",
    "may_request_publication",
    "may_decide_publication",
    "check_publication_refusal",
    "may_withdraw_publication",
    "Codes",
    "BASE_KINDS",
    "DISTRICT_KINDS",
    "PROVINCIAL_BODY_KINDS",
    "ENTERPRISE_KINDS",
    "PROVINCE_KINDS",
    "UNIT_KINDS",
    "AUTHORITY_LABELS",
    "issuing_unit_id",
    "signer_name_problem",
    "AUTHORITY_CHOICES",
    "PUBLICATION_LABELS",
]
