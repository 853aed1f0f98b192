"""The domain, free of Qt: one package per area over the store; small shared modules
(errors, values, i18n, vocab, paths, pinyin, spreadsheet, choices, overview, crashlog)."""
