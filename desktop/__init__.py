"""BioReserve — 生物安全应急储备与处置系统."""

__version__ = "0.1.0"
APP_NAME = "BioReserve"
