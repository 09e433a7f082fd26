from django.core.management.base import BaseCommand

from search.indexing import index_all_pages


class Command(BaseCommand):
    help = (
        "Rebuild the per-language search entries of every page (pages refresh their own on save)."
    )

    def handle(self, *args, **options):
        count = index_all_pages()
        self.stdout.write(f"Indexed {count} pages for search.")
