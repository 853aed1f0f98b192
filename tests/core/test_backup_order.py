"""Backups made in the same second (the day's, then one made by hand at once) are listed
newest first whatever order the folder gives their names: the backup list's first row is
the one just made (the flaky tests/ui/test_backup_ui.py::test_the_backup_list_… case)."""

from datetime import datetime

from desktop.core.setup import backups


def test_backups_of_one_second_are_listed_newest_first(fresh_db):
    moment = datetime(2026, 12, 7, 11, 15, 0)
    made = [backups.make(fresh_db, reason, now=moment) for reason in backups.REASONS]
    listed = backups.listing(fresh_db.path)
    assert [b.path for b in listed] == [b.path for b in reversed(made)]
    assert backups.newest_good(fresh_db.path).path == made[-1].path
