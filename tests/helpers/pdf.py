"""Reading documents as a person would: their text (pdftotext) and their pages as images."""

import os
import shutil
import subprocess

import pytest


def tool(name: str) -> str:
    """The path of a command-line tool; a missing tool fails on CI, else skips."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed (CI installs poppler-utils and zbar-tools)")
        pytest.skip(f"{name} is not installed")
    return path


def text(pdf, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        [tool("pdftotext"), "-layout", *pages, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
