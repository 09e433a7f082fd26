"""Create the editors', moderators', translators' and reviewers' groups."""

from django.core.management.base import BaseCommand

from translations.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create or complete the groups Editors, Moderators, and per locale "
        "'Translators (xx)' and 'Translation reviewers (xx)' with their permissions, "
        "and the 'Translation review' workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        report = ensure_roles()
        for name in report.groups_created:
            self.stdout.write(f"Created group {name}")
        self.stdout.write(f"Permissions added: {report.permissions_added}")
        for code in report.locales_without_tree:
            self.stdout.write(
                self.style.WARNING(
                    f"The home page has no '{code}' translation yet: page permissions for "
                    f"that language are granted once it exists (run this command again)."
                )
            )
