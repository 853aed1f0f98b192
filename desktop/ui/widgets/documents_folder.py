"""Where file dialogs open: the user's Documents folder (文档, 我的文档), as office programs
do, rather than wherever the program was started from."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder when there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def in_documents(name: str) -> str:
    """A file name proposed by a save dialog, in the Documents folder (a path with a
    folder of its own stays where it is)."""
    path = Path(name)
    return str(path if path.is_absolute() else documents_folder() / path)
