from django.core.management.base import BaseCommand

from home.demo_content import DemoContent


class Command(BaseCommand):
    help = (
        "Build the demo site (the Kagarlitsky case and a few fictional examples) in English, "
        "French and Russian. Safe to run again: existing pages are left as they are."
    )

    def handle(self, *args, **options):
        DemoContent(stdout=self.stdout).build()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
