"""Export pages' strings as a PO file for one language, or import one back.

manage.py translation_po export --locale fr --page 12 --page 13 -o batch-fr.po
manage.py translation_po import --locale fr --user traductrice batch-fr.po
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from translations.po_files import POFileError, export_po, import_po, import_summary


class Command(BaseCommand):
    help = (
        "Export the strings of pages as a PO file for one language, or import a PO file's "
        "translations. A refused import changes nothing and exits with an error."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write a PO file for one language.")
        export.add_argument("--locale", required=True, help="Language code, e.g. fr.")
        export.add_argument(
            "--page", type=int, action="append", required=True, help="Page id; repeat for more."
        )
        export.add_argument("-o", "--output", required=True, help="File to write, or - for stdout.")
        export.add_argument(
            "--user", help="Check that this user may translate the pages (default: no check)."
        )
        import_ = actions.add_parser("import", help="Import the translations of a PO file.")
        import_.add_argument("--locale", required=True, help="Language code, e.g. fr.")
        import_.add_argument("--user", required=True, help="Who made the translations.")
        import_.add_argument("file", help="The PO file.")

    def handle(self, *args, action, locale, user=None, **options):
        locale = self._locale(locale)
        user = self._user(user) if user else None
        try:
            if action == "export":
                self._export(locale, options["page"], options["output"], user)
            else:
                self._import(locale, Path(options["file"]), user)
        except POFileError as error:
            raise CommandError(str(error)) from error

    def _locale(self, code):
        try:
            return Locale.objects.get(language_code=code)
        except Locale.DoesNotExist:
            raise CommandError(f"No locale '{code}'.") from None

    def _user(self, username):
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user '{username}'.") from None

    def _export(self, locale, page_ids, output, user):
        pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
        missing = [str(pk) for pk in page_ids if pk not in pages]
        if missing:
            raise CommandError(f"No page with id {', '.join(missing)}.")
        po = export_po([pages[pk] for pk in page_ids], locale, user=user)
        if output == "-":
            self.stdout.write(str(po))
            return
        Path(output).write_text(str(po), encoding="utf-8")
        strings = len([entry for entry in po if not entry.obsolete])
        self.stdout.write(
            f"Wrote {strings} strings of {len(pages)} page(s) for "
            f"'{locale.language_code}' to {output}."
        )

    def _import(self, locale, path, user):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        result = import_po(content, locale, user)
        for line in import_summary(result):
            self.stdout.write(line)
        self.stdout.write(
            f"Added {result.total('added')}, changed {result.total('changed')}, "
            f"unchanged {result.total('unchanged')}."
        )
