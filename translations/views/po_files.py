"""po_files views (filled in by its feature)."""

urlpatterns = []
