# Oversight takes over its models' existing tables (db_table kept): nothing is created or copied.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED = ("resultreport", "resultattachment", "pilotlesson", "budgetline", "remindersent")


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="congresses", model__in=MOVED).update(app_label="oversight")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="oversight", model__in=MOVED).update(app_label="congresses")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('congresses', '0005_move_oversight_out'),
        ('units', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='BudgetLine',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('category', models.CharField(choices=[('venue', 'Hội trường, khánh tiết, trang trí'), ('printing', 'In ấn tài liệu'), ('certificates', 'Giấy chứng nhận, khen thưởng, tiền thưởng'), ('media', 'Tuyên truyền, truyền thông'), ('delegates', 'Hỗ trợ đại biểu'), ('other', 'Chi khác')], max_length=20, verbose_name='nhóm chi')),
                    ('description', models.CharField(max_length=255, verbose_name='nội dung chi')),
                    ('quantity', models.PositiveIntegerField(verbose_name='số lượng')),
                    ('unit_price', models.PositiveBigIntegerField(verbose_name='đơn giá (đồng)')),
                    ('notes', models.CharField(blank=True, max_length=255, verbose_name='ghi chú')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='budget_lines', to='congresses.campaign')),
                ],
                options={
                    'verbose_name': 'dòng dự toán kinh phí',
                    'verbose_name_plural': 'dự toán kinh phí',
                    'db_table': 'congresses_budgetline',
                    'ordering': ['campaign', 'category', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='PilotLesson',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('council_comments', models.TextField(blank=True, verbose_name='ý kiến chỉ đạo của Hội đồng TĐKT tỉnh')),
                    ('lessons', models.TextField(blank=True, verbose_name='bài học kinh nghiệm rút ra')),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='pilot_lesson', to='congresses.event')),
                    ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'rút kinh nghiệm chỉ đạo điểm',
                    'verbose_name_plural': 'rút kinh nghiệm chỉ đạo điểm',
                    'db_table': 'congresses_pilotlesson',
                    'ordering': ['event__date'],
                },
            ),
            migrations.CreateModel(
                name='ResultReport',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('held_on', models.DateField(verbose_name='ngày tổ chức thực tế')),
                    ('attended_exemplar_individuals', models.PositiveIntegerField(default=0, verbose_name='cá nhân điển hình tiên tiến dự')),
                    ('attended_exemplar_collectives', models.PositiveIntegerField(default=0, verbose_name='đại diện tập thể điển hình dự')),
                    ('attended_leaders', models.PositiveIntegerField(default=0, verbose_name='lãnh đạo các cấp, các ngành dự')),
                    ('attended_guests', models.PositiveIntegerField(default=0, verbose_name='khách mời dự')),
                    ('exemplars_honoured', models.PositiveIntegerField(default=0, verbose_name='số điển hình được khen thưởng')),
                    ('delegation_approved', models.PositiveIntegerField(default=0, verbose_name='số đại biểu được thông qua dự Đại hội cấp trên')),
                    ('achievements', models.TextField(verbose_name='kết quả đạt được')),
                    ('shortcomings', models.TextField(blank=True, verbose_name='tồn tại, hạn chế')),
                    ('lessons', models.TextField(blank=True, verbose_name='bài học kinh nghiệm')),
                    ('submitted_at', models.DateTimeField(auto_now=True, verbose_name='báo cáo lúc')),
                    ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='result_report', to='congresses.event')),
                    ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'báo cáo kết quả',
                    'verbose_name_plural': 'báo cáo kết quả',
                    'db_table': 'congresses_resultreport',
                    'ordering': ['event__date'],
                },
            ),
            migrations.CreateModel(
                name='ResultAttachment',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('file', models.FileField(upload_to='result_reports/%Y/%m/', verbose_name='tệp')),
                    ('original_name', models.CharField(max_length=255, verbose_name='tên tệp')),
                    ('kind', models.CharField(max_length=10, verbose_name='loại tệp')),
                    ('size', models.PositiveIntegerField(verbose_name='dung lượng (byte)')),
                    ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                    ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='oversight.resultreport')),
                ],
                options={
                    'verbose_name': 'tệp đính kèm báo cáo',
                    'verbose_name_plural': 'tệp đính kèm báo cáo',
                    'db_table': 'congresses_resultattachment',
                    'ordering': ['report', 'uploaded_at'],
                },
            ),
            migrations.CreateModel(
                name='ReminderSent',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('stage', models.CharField(choices=[('plan_before', 'Sắp đến hạn nộp kế hoạch'), ('plan_after', 'Quá hạn nộp kế hoạch'), ('register_before', 'Sắp đến thời gian tổ chức, chưa đăng ký sự kiện'), ('register_after', 'Đã đến thời gian tổ chức, chưa đăng ký sự kiện'), ('report_before', 'Sắp đến hạn báo cáo kết quả'), ('report_after', 'Quá hạn báo cáo kết quả')], max_length=20, verbose_name='giai đoạn')),
                    ('sent_on', models.DateField(verbose_name='ngày gửi')),
                    ('recipients', models.TextField(verbose_name='người nhận')),
                    ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders_sent', to='congresses.campaign')),
                    ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders_sent', to='units.unit')),
                ],
                options={
                    'verbose_name': 'nhắc việc đã gửi',
                    'verbose_name_plural': 'nhắc việc đã gửi',
                    'db_table': 'congresses_remindersent',
                    'ordering': ['-sent_on'],
                    'constraints': [models.UniqueConstraint(fields=('campaign', 'unit', 'stage'), name='one_reminder_per_stage')],
                },
            ),
            ],
        ),
        # Audit history and permissions follow the models: their content types change app.
        migrations.RunPython(move_content_types, reverse_code=move_content_types_back),
    ]
