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

from dataclasses import dataclass

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
# (section 2 is filled by the caps/share/window/quota work)


# --- 3. The exemplar share ----------------------------------------------------------
# (section 3 is filled by the caps/share/window/quota work)


# --- 4. Window and sessions ---------------------------------------------------------
# (section 4 is filled by the caps/share/window/quota work)


# --- 5. Delegation quotas -----------------------------------------------------------
# (section 5 is filled by the caps/share/window/quota work)


# --- 6. Awards ----------------------------------------------------------------------
# (section 6 is filled by the awards work)


# --- 7. Nominations and publishing --------------------------------------------------
# (section 7 is filled by the awards work)
