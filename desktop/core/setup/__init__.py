"""A station above its file: creating one (identity, reference data, demo data) and opening
one (derived tables after an upgrade, reference data a newer program ships)."""
