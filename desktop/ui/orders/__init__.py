"""调拨单: the list and detail of allocation orders, their dialogs, printing and QR checks."""
