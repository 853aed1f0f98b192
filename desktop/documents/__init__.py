"""reportlab documents: allocation orders, assignment lists, reports (the documents of record)."""
