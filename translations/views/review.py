"""review views (filled in by its feature)."""

urlpatterns = []
