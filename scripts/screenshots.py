"""Screenshots of every main page, per role, in Vietnamese and English, on a phone and a laptop.

Run against the running demo (`make demo`, or runserver on the demo database), with the same
DATABASE_URL so the script can find a sample event, unit, exemplar and campaign:

    DATABASE_URL=sqlite:///db.sqlite3 DEMO_MODE=True .venv/bin/python scripts/screenshots.py \
        --base-url http://127.0.0.1:8000 --out artifacts/screens

Writes <out>/<role>-<lang>-<width>-<page>.png and prints, per shot, the page's width against the
viewport (a page wider than the screen scrolls sideways) and any Vietnamese-only text left in the
English screen chrome (the navigation bar and the page headings).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bac_kan_emulation.settings")

PASSWORD = "BacKan@2025"
ROLES = ("sonoivu", "babe", "lanhdao")
LANGS = ("vi", "en")
WIDTHS = (390, 1366)
VIETNAMESE_ONLY = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def main_pages() -> dict[str, str]:
    """name -> path of the pages an officer uses every day, with sample objects from the demo."""
    import django

    django.setup()
    from django.urls import reverse

    from congresses.models import Campaign, Event
    from delegates.models import Delegate
    from honors.models import Exemplar
    from units.models import Unit

    event_id = Delegate.objects.values_list("event_id", flat=True).order_by("event_id").first()
    event = Event.objects.get(pk=event_id) if event_id else Event.objects.order_by("pk").first()
    pages = {
        "home": reverse("home"),
        "events": reverse("congresses:event_list"),
        "plans": reverse("congresses:plan_list"),
        "campaigns": reverse("congresses:campaign_list"),
        "exemplars": reverse("honors:exemplar_list"),
        "nominations": reverse("honors:nomination_list"),
        "honours": reverse("honors:event_list"),
        "documents": reverse("reports:documents_home"),
        "dashboard": reverse("oversight:dashboard"),
        "compliance": reverse("oversight:compliance"),
        "results": reverse("oversight:results"),
        "units": reverse("units:list"),
        "audit": reverse("audit:log"),
        "guide": reverse("guide_index"),
    }
    if event is not None:
        pages |= {
            "event": reverse("congresses:event_detail", args=[event.pk]),
            "roster": reverse("delegates:roster", args=[event.pk]),
            "event-documents": reverse("reports:event_documents", args=[event.pk]),
            "agenda": reverse("reports:agenda", args=[event.pk]),
            "attendance": reverse("attendance:manage", args=[event.pk]),
        }
    if campaign := Campaign.objects.order_by("pk").first():
        pages["campaign"] = reverse("congresses:campaign_detail", args=[campaign.pk])
    if exemplar := Exemplar.objects.order_by("pk").first():
        pages["exemplar"] = reverse("honors:exemplar_detail", args=[exemplar.pk])
    if unit := Unit.objects.filter(parent__isnull=False).order_by("pk").first():
        pages["unit"] = reverse("units:detail", args=[unit.pk])
    return pages


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="artifacts/screens")
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    pages = main_pages()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    problems = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        for role in args.roles.split(","):
            for lang in LANGS:
                context = browser.new_context(locale="vi-VN")
                context.add_cookies([{"name": "django_language", "value": lang, "url": args.base_url}])
                page = context.new_page()
                page.goto(args.base_url + "/accounts/login/")
                page.fill("input[name=username]", role)
                page.fill("input[name=password]", PASSWORD)
                page.click("[type=submit]")
                page.wait_for_load_state()
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    for name, path in pages.items():
                        response = page.goto(args.base_url + path)
                        status = response.status if response else 0
                        if status in (403, 404):
                            continue  # not this role's page
                        extra = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                        chrome = page.evaluate(
                            "[...document.querySelectorAll('nav, main h1, main h2, main th, main button,"
                            " main label')].map(e => e.innerText).join(' | ')"
                        )
                        left = sorted({w for w in chrome.split() if VIETNAMESE_ONLY & set(w.lower())})
                        page.screenshot(path=str(out / f"{role}-{lang}-{width}-{name}.png"), full_page=True)
                        flag = []
                        if status >= 400:
                            flag.append(f"HTTP {status}")
                        if extra > 0:
                            flag.append(f"{width + extra} px wide")
                        if lang == "en" and left:
                            flag.append("Vietnamese left: " + " ".join(left[:12]))
                        problems += bool(flag)
                        print(f"{role:8} {lang} {width:5} {name:16} {'; '.join(flag) or 'ok'}")
                context.close()
        browser.close()
    print(f"{problems} shots with a problem; PNGs in {out}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
