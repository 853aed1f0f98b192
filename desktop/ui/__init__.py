"""The PySide6 desktop, thin over the core: shell (app, window, worker, settings,
translations), widgets shared by the areas, then one package per area."""
