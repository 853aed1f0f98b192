"""CLI for spreadsheets: templates, imports and exports."""

import click


def register(cli: click.Group) -> None:
    """Add `template`, `items|depots|norms|stock import` and `stock export` to the CLI."""
