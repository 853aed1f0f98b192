"""专家库: the roster, its editor, calendar, certificate alerts and the member agencies."""
