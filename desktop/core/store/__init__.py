"""Storage and synchronisation semantics: opening and migrating a database file, the one
write path and its operation log, hybrid logical clocks, the engine that applies other
stations' operations (merge, row state, conflicts), derived tables, and check."""
