"""同步: this station, trusted stations, bundles and their history, and conflicts."""
