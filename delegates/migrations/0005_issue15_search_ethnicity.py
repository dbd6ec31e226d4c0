"""Roster search covers ethnicity and folds quotes: recompute every delegate's search text."""

from django.db import migrations


def recompute(apps, schema_editor):
    from delegates.domain import delegate_search_text

    Delegate = apps.get_model("delegates", "Delegate")
    batch = []
    for delegate in Delegate.objects.only(
        "pk", "full_name", "collective_name", "position", "workplace", "ethnic_group"
    ).iterator(chunk_size=2000):
        delegate.search_text = delegate_search_text(
            full_name=delegate.full_name,
            collective_name=delegate.collective_name,
            position=delegate.position,
            workplace=delegate.workplace,
            ethnic_group=delegate.ethnic_group,
        )
        batch.append(delegate)
        if len(batch) == 2000:
            Delegate.objects.bulk_update(batch, ["search_text"])
            batch = []
    Delegate.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("delegates", "0004_version")]
    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
