"""Pure pieces of the congress day: personal codes, QR drawings, seat labels, the hall's order.

No ORM: values in, values out. The rules (may a code still be used, a replacement, the door)
are in the rulebook, `congresses.rules` (attendance.py).
"""

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import segno
from django.core import signing
from django.utils.translation import gettext

_SALT = "attendance.invitation"
# No 0/O, 1/I/L: the code is read aloud over the phone.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_nonce() -> str:
    return secrets.token_hex(8)


def new_short_code() -> str:
    chars = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def normalise_short_code(text: str) -> str:
    """What a receptionist typed ('abcd efgh', 'ABCDEFGH') in the stored form 'ABCD-EFGH'."""
    chars = "".join(c for c in text.upper() if c in SHORT_CODE_ALPHABET)
    return f"{chars[:4]}-{chars[4:]}" if len(chars) == 8 else ""


def make_token(*, invitation_id: int, nonce: str) -> str:
    """The signed personal code: the invitation and its nonce, signed with the portal's secret."""
    return signing.Signer(salt=_SALT, sep=".").sign(f"{invitation_id}-{nonce}")


def read_token(token: str) -> tuple[int, str] | None:
    """(invitation id, nonce) of a genuine code; None for anything forged or malformed."""
    token = token.strip().rstrip("/").rsplit("/", 1)[-1]  # a scanned link carries the code last
    if len(token) > 120:
        return None
    try:
        value = signing.Signer(salt=_SALT, sep=".").unsign(token)
    except signing.BadSignature:
        return None
    pk, _, nonce = value.partition("-")
    if not pk.isdigit() or not nonce:
        return None
    return int(pk), nonce


def token_fingerprint(token: str) -> str:
    """SHA-256 of a code: what the door's offline roster holds, never the code itself."""
    return hashlib.sha256(token.encode()).hexdigest()


@lru_cache(maxsize=2048)
def qr_svg(text: str) -> str:
    """A QR code as inline vector SVG (no size: the page's CSS sizes it).

    Kept for the worker's life: a delegate's link does not change, and choosing the QR's mask took
    a fifth of a 500-letter invitations job (bench/documents.py, cProfile), paid again on each print."""
    return segno.make(text, error="m").svg_inline(scale=1, omitsize=True, dark="#000", light="#fff", border=2)


def qr_png(text: str, *, scale: int = 10) -> bytes:
    import io

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def seat_label(row_label: str, number: int) -> str:
    return f"{row_label}-{number}"


def parse_seat_label(text: str) -> tuple[str, int] | None:
    """'B-12', 'b12', 'B 12' -> ('B', 12); None when it is not a seat."""
    cleaned = text.strip().upper().replace(" ", "").replace("-", "")
    letters = cleaned.rstrip("0123456789")
    digits = cleaned[len(letters) :]
    if not letters or not digits:
        return None
    return letters, int(digits)


def parse_hall_rows(text: str) -> list[tuple[str, int]] | str:
    """'A: 20' per line (row label, number of seats); the rows, or a Vietnamese message."""
    rows: list[tuple[str, int]] = []
    seen = set()
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        label, sep, count = line.partition(":")
        label = label.strip().upper()
        if not sep or not label or len(label) > 10 or not count.strip().isdigit():
            return gettext(
                "Dòng %(number)s («%(value)s»): hãy viết theo mẫu «A: 20» (tên hàng, dấu hai chấm, số ghế)."
            ) % {"number": number, "value": line[:40]}
        seats = int(count.strip())
        if not 1 <= seats <= 200:
            return gettext("Dòng %(number)s: mỗi hàng có từ 1 đến 200 ghế.") % {"number": number}
        if label in seen:
            return gettext("Dòng %(number)s: hàng %(label)s đã có ở trên.") % {
                "number": number,
                "label": label,
            }
        seen.add(label)
        rows.append((label, seats))
    if not rows:
        return gettext("Chưa có hàng ghế nào: hãy nhập mỗi hàng một dòng, ví dụ «A: 20».")
    return rows


@dataclass(frozen=True)
class SeatRequest:
    delegate_id: int
    delegation: str  # the unit or delegation the delegate comes with
    category_rank: int  # leaders first, then exemplars, then guests
    sort_key: str


def assign_seats(
    requests: Iterable[SeatRequest], rows: Sequence[tuple[int, int]]
) -> tuple[dict[int, tuple[int, int]], int]:
    """Seat delegates row by row: by category (leaders in front), then delegation, then name.

    `rows` are (row id, seats) from the front. Returns {delegate id: (row id, seat number)}
    and how many could not be seated (the hall is too small).
    """
    ordered = sorted(requests, key=lambda r: (r.category_rank, r.delegation, r.sort_key, r.delegate_id))
    seats = [(row_id, number) for row_id, count in rows for number in range(1, count + 1)]
    placed = {request.delegate_id: seat for request, seat in zip(ordered, seats, strict=False)}
    return placed, max(len(ordered) - len(seats), 0)


# The colour band of each delegate category: the same on the badge and the seat map.
CATEGORY_COLOURS = {
    "leader": "#b71c1c",
    "exemplar_individual": "#1565c0",
    "exemplar_collective": "#2e7d32",
    "guest": "#e0a800",
}
