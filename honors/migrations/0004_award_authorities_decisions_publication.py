"""Award forms carry who grants them and who may propose them; honours sit under a decision
(quyết định khen thưởng) of that authority; publishing an exemplar needs the level above.

Existing honours are grouped into one decision per (event, decision number), issued by
the first authority the catalogue gives their form; published exemplars stay published.
"""

import json
from pathlib import Path

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "award_types_2022.json"
PLACE_PREFIXES = ("Thành phố ", "Thị trấn ", "Phường ", "Huyện ", "Tỉnh ", "Xã ")
LABELS = {
    "president": "Chủ tịch nước",
    "prime_minister": "Thủ tướng Chính phủ",
    "province_chair": "Chủ tịch UBND tỉnh",
    "department_head": "Giám đốc sở, Thủ trưởng cơ quan, đoàn thể cấp tỉnh",
    "enterprise_head": "Tổng giám đốc, Giám đốc doanh nghiệp",
    "district_chair": "Chủ tịch UBND cấp huyện",
    "commune_chair": "Chủ tịch UBND cấp xã",
    "armed_forces_head": "Thủ trưởng đơn vị Quân đội nhân dân, Công an nhân dân",
}


def forwards(apps, schema_editor):
    AwardType = apps.get_model("honors", "AwardType")
    AwardDecision = apps.get_model("honors", "AwardDecision")
    Honour = apps.get_model("honors", "Honour")
    Exemplar = apps.get_model("honors", "Exemplar")
    rows = {row["name"]: row for row in json.loads(CATALOGUE.read_text(encoding="utf-8"))["award_types"]}
    for award in AwardType.objects.all():
        row = rows.get(award.name)
        if row is not None:
            award.authorities = row["authorities"]
            award.proposer_kinds = row["proposer_kinds"]
            award.save(update_fields=["authorities", "proposer_kinds"])
    decisions = {}
    for honour in Honour.objects.select_related("award_type", "event__unit").order_by("pk"):
        key = (honour.event_id, honour.decision_number)
        if key not in decisions:
            authority = (honour.award_type.authorities or ["province_chair"])[0]
            place = honour.event.unit.name
            for prefix in PLACE_PREFIXES:
                place = place.removeprefix(prefix)
            decisions[key] = AwardDecision.objects.create(
                event_id=honour.event_id, authority=authority, issuer=LABELS[authority],
                number=honour.decision_number, date=honour.decision_date, place=place, signer=honour.signer,
            )  # fmt: skip
        honour.decision = decisions[key]
        honour.save(update_fields=["decision"])
    Exemplar.objects.filter(is_published=True).update(publication="approved")


class Migration(migrations.Migration):
    dependencies = [
        ("congresses", "0004_merge_0003_oversight_0003_unit_plans_cap_setter"),
        ("honors", "0003_exemplar_records_nominations_presenters"),
        ("units", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AwardDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "authority",
                    models.CharField(
                        choices=[
                            ("president", "Chủ tịch nước"),
                            ("prime_minister", "Thủ tướng Chính phủ"),
                            ("province_chair", "Chủ tịch UBND tỉnh"),
                            ("department_head", "Giám đốc sở, Thủ trưởng cơ quan, đoàn thể cấp tỉnh"),
                            ("enterprise_head", "Tổng giám đốc, Giám đốc doanh nghiệp"),
                            ("district_chair", "Chủ tịch UBND cấp huyện"),
                            ("commune_chair", "Chủ tịch UBND cấp xã"),
                            ("armed_forces_head", "Thủ trưởng đơn vị Quân đội nhân dân, Công an nhân dân"),
                        ],
                        help_text="Chỉ ghi vào quyết định những hình thức mà cấp này có thẩm quyền tặng (Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 77-80; Nghị định 152/2025/NĐ-CP).",
                        max_length=20,
                        verbose_name="cấp quyết định",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        help_text="Ví dụ: Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn",
                        max_length=255,
                        verbose_name="người, cơ quan ban hành",
                    ),
                ),
                ("number", models.CharField(max_length=50, verbose_name="số quyết định")),
                ("date", models.DateField(verbose_name="ngày quyết định")),
                (
                    "place",
                    models.CharField(
                        help_text="Ví dụ: Bắc Kạn, Chợ Rã", max_length=100, verbose_name="địa danh"
                    ),
                ),
                ("signer", models.CharField(max_length=150, verbose_name="người ký")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "quyết định khen thưởng",
                "verbose_name_plural": "quyết định khen thưởng",
                "ordering": ["event", "date", "number"],
            },
        ),
        migrations.AddField(
            model_name="awardtype",
            name="authorities",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Mã cấp quyết định tặng (congresses.rules.Authority), theo Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 77-80 và Nghị định 152/2025/NĐ-CP (thay Nghị định 98/2023/NĐ-CP từ 01/7/2025).",
                verbose_name="cấp có thẩm quyền tặng",
            ),
        ),
        migrations.AddField(
            model_name="awardtype",
            name="proposer_kinds",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Mã loại đơn vị (units.UnitKind) được đề nghị hình thức này, theo thẩm quyền tại Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 77-80 và Nghị định 152/2025/NĐ-CP.",
                verbose_name="loại đơn vị được đề nghị",
            ),
        ),
        migrations.AddField(
            model_name="exemplar",
            name="publication",
            field=models.CharField(
                choices=[
                    ("draft", "Chưa đề nghị công bố"),
                    ("requested", "Chờ cấp trên duyệt công bố"),
                    ("approved", "Đã công bố"),
                    ("refused", "Cấp trên không duyệt công bố"),
                ],
                default="draft",
                help_text="Đơn vị đề nghị, cấp trên (huyện với cấp xã, Sở Nội vụ với các đơn vị khác) duyệt.",
                max_length=10,
                verbose_name="công bố trên trang công khai",
            ),
        ),
        migrations.AddField(
            model_name="exemplar",
            name="publication_changed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="cập nhật công bố lúc"),
        ),
        migrations.AddField(
            model_name="exemplar",
            name="publication_decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="exemplar",
            name="publication_reason",
            field=models.TextField(blank=True, verbose_name="lý do không duyệt công bố"),
        ),
        migrations.AddField(
            model_name="exemplar",
            name="publication_requested_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="exemplar",
            index=models.Index(fields=["publication", "field"], name="honors_exem_publica_0b6b5b_idx"),
        ),
        migrations.AddField(
            model_name="awarddecision",
            name="event",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="award_decisions",
                to="congresses.event",
                verbose_name="sự kiện",
            ),
        ),
        migrations.AddField(
            model_name="honour",
            name="decision",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="honours",
                to="honors.awarddecision",
                verbose_name="quyết định",
            ),
        ),
        migrations.AddConstraint(
            model_name="awarddecision",
            constraint=models.UniqueConstraint(
                fields=("event", "number"), name="one_decision_number_per_event"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveIndex(
            model_name="exemplar",
            name="honors_exem_is_publ_af9ffc_idx",
        ),
        migrations.RemoveIndex(
            model_name="honour",
            name="honors_hono_event_i_3f3c8c_idx",
        ),
        migrations.RemoveField(
            model_name="exemplar",
            name="is_published",
        ),
        migrations.RemoveField(
            model_name="honour",
            name="decision_date",
        ),
        migrations.RemoveField(
            model_name="honour",
            name="decision_number",
        ),
        migrations.RemoveField(
            model_name="honour",
            name="signer",
        ),
        migrations.AlterField(
            model_name="honour",
            name="decision",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="honours",
                to="honors.awarddecision",
                verbose_name="quyết định",
            ),
        ),
    ]
