"""Render resources/icons/bioreserve.svg to the PNG sizes (Linux hicolor theme, the
window) and a multi-size .ico (the Windows executable, the installer).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icon/make_icon.py

Run it after changing the SVG and commit the outputs; builds use the committed files.
"""

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "bioreserve.svg"))
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"bioreserve-{size}.png"))
    big = Image.open(ICONS / "bioreserve-256.png")
    big.save(ICONS / "bioreserve.ico", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    main()
