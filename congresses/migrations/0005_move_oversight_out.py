# The oversight models leave the congresses app's state; their tables stay (oversight.0001 takes them over).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('congresses', '0004_merge_0003_oversight_0003_unit_plans_cap_setter'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.RemoveField(
                model_name='pilotlesson',
                name='event',
            ),
            migrations.RemoveField(
                model_name='pilotlesson',
                name='recorded_by',
            ),
            migrations.RemoveField(
                model_name='remindersent',
                name='campaign',
            ),
            migrations.RemoveField(
                model_name='remindersent',
                name='unit',
            ),
            migrations.RemoveField(
                model_name='resultattachment',
                name='report',
            ),
            migrations.RemoveField(
                model_name='resultattachment',
                name='uploaded_by',
            ),
            migrations.RemoveField(
                model_name='resultreport',
                name='event',
            ),
            migrations.RemoveField(
                model_name='resultreport',
                name='submitted_by',
            ),
            migrations.DeleteModel(
                name='BudgetLine',
            ),
            migrations.DeleteModel(
                name='PilotLesson',
            ),
            migrations.DeleteModel(
                name='ReminderSent',
            ),
            migrations.DeleteModel(
                name='ResultAttachment',
            ),
            migrations.DeleteModel(
                name='ResultReport',
            ),
            ],
        ),
    ]
