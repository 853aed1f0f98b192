"""预案库: playbook versions, their editor, search, version comparison and the
responsibility matrix."""
