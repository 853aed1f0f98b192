"""长期监测: the long-term monitoring page (cohorts, sampling sites, schedules, today's
checks with their fast result entry, alerts, import, export and the summary report)."""
