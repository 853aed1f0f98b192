"""Material reserves: catalogue, depots and lots, the stock ledger and its rules, norms and
compliance, alerts, rotation, reconciliation after merges, the stock workbook export."""
