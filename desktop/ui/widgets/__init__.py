"""Widgets and models the areas share: lazy table models, record editors, form dialogs, the
search box, charts, printing and preview of PDFs, and the change watcher."""
