"""BioReserve — 生物安全应急储备与处置系统."""

__version__ = "0.1.0"
APP_NAME = "BioReserve"

# The CLI's commands; main.py routes to the CLI when one is named (without importing
# click on the way to the window). A test keeps this equal to desktop.cli's commands.
COMMANDS = (
    "init",
    "info",
    "check",
    "items",
    "depots",
    "norms",
    "stock",
    "template",
    "order",
    "expert",
    "agency",
    "playbook",
    "incident",
    "drill",
    "monitoring",
    "sync",
    "station",
    "backup",
    "restore",
    "login",
    "logout",
    "whoami",
    "user",
    "audit",
)
