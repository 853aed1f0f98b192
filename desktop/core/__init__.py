"""The domain of BioReserve, free of Qt: storage, write path, merge, reference data."""
