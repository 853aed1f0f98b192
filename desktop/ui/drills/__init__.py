"""演练: drills — planned on the live database, played in their sandbox (drills core)."""
