"""Uploads and renditions live in the S3-compatible store every app server shares (``MEDIA_S3_BUCKET``).

A real S3 API on loopback: moto's server mode (``moto[server]`` in requirements-dev.txt,
the same emulator ``make cluster`` runs), with the storage settings production builds from
the environment (``hospital_site.settings.cluster.media_storage``). Images go in through
Wagtail's image model and come back through the URL a browser is given, as they would
through HAProxy's ``/media/`` on any app server.
"""

import io
import os
import urllib.request

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from hospital_site.settings import cluster
from tests.faults import free_port

BUCKET = "media"
PUBLIC_READ = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",'
    f'"Resource":"arn:aws:s3:::{BUCKET}/*"}}]}}'
)


def moto_server_class():
    """moto's server, or skip (fail under CI) saying what is missing."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        message = (
            f"moto's server mode cannot be imported ({error}): the S3 media test was NOT run. "
            "Install it with: pip install -r requirements-dev.txt (moto[server])"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return ThreadedMotoServer


@pytest.fixture
def s3_media(settings, monkeypatch):
    """An S3 store on loopback with a public-read bucket, and the default storage pointed at it as in production."""
    import boto3

    server = moto_server_class()(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    port = server.get_host_and_port()[1]
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets in this process's memory, across servers: every test starts with none.
    reset = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
    urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310 - the loopback store
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "test-not-secret")
    monkeypatch.setenv("MEDIA_S3_BUCKET", BUCKET)
    monkeypatch.setenv("MEDIA_S3_ENDPOINT_URL", endpoint)
    # Browsers fetch media from the store itself here; in the cluster, from the site's /media/ through HAProxy.
    monkeypatch.setenv("MEDIA_S3_CUSTOM_DOMAIN", f"127.0.0.1:{port}/{BUCKET}")
    monkeypatch.setenv("MEDIA_S3_URL_PROTOCOL", "http:")
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_policy(Bucket=BUCKET, Policy=PUBLIC_READ)
    settings.STORAGES = {**settings.STORAGES, "default": cluster.media_storage(settings.STORAGES["default"])}
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    yield s3
    urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310
    server.stop()


def png(color, size=(120, 90)):
    data = io.BytesIO()
    PILImage.new("RGB", size, color).save(data, "PNG")
    return data.getvalue()


def upload(title, color, name="scan.png"):
    """What the admin's upload does: a Wagtail image saved with its file."""
    image = get_image_model()(title=title, file=ImageFile(io.BytesIO(png(color)), name=name))
    image.save()
    return image


def fetched(url):
    """The picture a browser gets from ``url``."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the loopback store
        assert response.status == 200
        return PILImage.open(io.BytesIO(response.read())).convert("RGB")


def test_an_uploaded_image_and_its_rendition_are_served_from_the_shared_store(db, s3_media):
    image = upload("Scan", "red")

    keys = [item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [image.file.name], "the original is in the bucket, not on this server's disk"
    assert (image.width, image.height) == (120, 90)

    rendition = image.get_rendition("fill-80x60")

    assert rendition.url.startswith(f"http://{os.environ['MEDIA_S3_CUSTOM_DOMAIN']}/")
    picture = fetched(rendition.url)
    assert picture.size == (80, 60)
    assert picture.getpixel((40, 30)) == (255, 0, 0)
    assert fetched(image.file.url).size == (120, 90)


def test_two_uploads_with_the_same_name_never_replace_each_other(db, s3_media):
    """``file_overwrite=False``: Wagtail names files from what was uploaded, and two parents' pictures of
    "scan.png" (and their renditions, named from it) must stay two files."""
    red = upload("First scan", "red")
    blue = upload("Second scan", "blue")

    assert red.file.name != blue.file.name
    assert fetched(red.file.url).getpixel((0, 0)) == (255, 0, 0)
    assert fetched(blue.file.url).getpixel((0, 0)) == (0, 0, 255)

    red_small, blue_small = red.get_rendition("fill-80x60"), blue.get_rendition("fill-80x60")

    assert red_small.file.name != blue_small.file.name
    assert fetched(red_small.url).getpixel((40, 30)) == (255, 0, 0)
    assert fetched(blue_small.url).getpixel((40, 30)) == (0, 0, 255)
