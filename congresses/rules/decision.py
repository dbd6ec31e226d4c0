"""The one answer type of every rule."""

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
