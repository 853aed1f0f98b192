"""The PySide6 desktop: thin over desktop.core."""
