from django.core.management.base import BaseCommand

from congresses.services import campaign_load_from_file
from honors.services import award_types_load_from_file
from reports.services import agenda_template_load
from units.services import units_load_bac_kan


class Command(BaseCommand):
    help = "Nạp cây đơn vị tỉnh Bắc Kạn và chiến dịch thi đua lần thứ VI từ dữ liệu đã kèm theo."

    def handle(self, *args, **options):
        count = units_load_bac_kan()
        campaign = campaign_load_from_file()
        award_types_load_from_file()
        agenda_template_load(campaign=campaign)  # the plan's agenda (section II.3) as data
        self.stdout.write(f"{count} đơn vị; chiến dịch: {campaign} với {campaign.tiers.count()} cấp.")
