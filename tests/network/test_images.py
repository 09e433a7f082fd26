"""Editors cannot add an image without alt text."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from network.models import NetworkImage


def png_upload(name="photo.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "#336699").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_an_image_without_alt_text_is_refused(admin_client):
    url = reverse("wagtailimages:add")
    response = admin_client.post(url, {"title": "Rally", "file": png_upload(), "description": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not NetworkImage.objects.exists()

    response = admin_client.post(
        url,
        {"title": "Rally", "file": png_upload(), "description": "People holding a banner"},
    )
    assert response.status_code == 302
    assert NetworkImage.objects.get().description == "People holding a banner"
