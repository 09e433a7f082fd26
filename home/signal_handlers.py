from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.navigation import forget_navigation


def connect():
    page_published.connect(forget_navigation, dispatch_uid="home-nav-published")
    page_unpublished.connect(forget_navigation, dispatch_uid="home-nav-unpublished")
    post_page_move.connect(forget_navigation, dispatch_uid="home-nav-moved")
    post_delete.connect(forget_navigation, sender=Page, dispatch_uid="home-nav-deleted")
