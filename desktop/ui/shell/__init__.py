"""The application around the pages: start-up, the main window, the one background worker,
settings, translations, refusals shown inline."""
