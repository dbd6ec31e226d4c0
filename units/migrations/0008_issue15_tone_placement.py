"""Three commune names written with the other tone placement ("Hoà", "Thuỷ") take the one the
province's other names and state documents use ("Hòa", "Thủy"); matched by official code."""

from django.db import migrations

RENAMES = {"1948": "Xã Trung Hòa", "2098": "Xã Hòa Mục", "2197": "Xã Liêm Thủy"}


def rename(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    for code, name in RENAMES.items():
        Unit.objects.filter(code=code).update(name=name)


class Migration(migrations.Migration):
    dependencies = [("units", "0007_merge_20261202_1421")]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
