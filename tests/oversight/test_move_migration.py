"""Oversight's models moved out of congresses without moving data (SeparateDatabaseAndState)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("congresses", "0004_merge_0003_oversight_0003_unit_plans_cap_setter"), ("oversight", None)]
AFTER = [("oversight", "0001_move_oversight_out")]


@pytest.mark.django_db(transaction=True)
def test_it_keeps_budget_lines_and_their_history_across_the_move():
    executor = MigrationExecutor(connection)
    old = executor.migrate(BEFORE).apps
    campaign = old.get_model("congresses", "Campaign").objects.create(
        name="Đại hội thử", ordinal="VI", period_start_year=2020, period_end_year=2025,
        next_period_label="2025 - 2030", plan_deadline=datetime.date(2024, 8, 1),
    )  # fmt: skip
    old.get_model("congresses", "BudgetLine").objects.create(
        campaign_id=campaign.pk,
        category="venue",
        description="Thuê hội trường",
        quantity=1,
        unit_price=45_000_000,
    )
    ContentType = old.get_model("contenttypes", "ContentType")
    ContentType.objects.get_or_create(app_label="congresses", model="budgetline")

    executor = MigrationExecutor(connection)
    new = executor.migrate(AFTER).apps
    lines = new.get_model("oversight", "BudgetLine").objects.all()
    assert [(line.description, line.unit_price) for line in lines] == [("Thuê hội trường", 45_000_000)]
    moved = new.get_model("contenttypes", "ContentType").objects.filter(model="budgetline")
    assert list(moved.values_list("app_label", flat=True)) == ["oversight"]

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
