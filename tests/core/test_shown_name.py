"""A file's name as shown and stored, whatever bytes the file system gave it."""

import os

import pytest

from desktop.core import paths

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows names are Unicode")


def _named(raw: bytes) -> str:
    return os.fsdecode(b"/media/usb/" + raw)


def test_utf8_gbk_and_undecodable_names():
    assert paths.shown_name(_named("库存.xlsx".encode())) == "库存.xlsx"
    assert paths.shown_name(_named("库存.xlsx".encode("gbk"))) == "库存.xlsx"
    shown = paths.shown_name(_named(b"\xff\xfe\xfd.xlsx"))
    assert shown.endswith(".xlsx") and "\ufffd" in shown
    shown.encode("utf-8")  # storable and printable
