"""The command line: `bioreserve [--db PATH] [--json] COMMAND`, one module per area
(stock, spreadsheets, orders, roster, playbooks, sync, hub), thin over desktop.core;
root.py holds the group, init/info/check and the error handling of main()."""

from desktop.cli.root import cli, main

__all__ = ["cli", "main"]
