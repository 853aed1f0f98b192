"""物资储备: stock, ledger, alerts, rotation, transit, catalogue, depots, norms, movements,
spreadsheet import and export."""
