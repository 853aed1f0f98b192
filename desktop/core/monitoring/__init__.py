"""Long-term monitoring (长期监测) after an incident: cohorts of people with their personal
data masked (people, personal), environmental sampling sites (sites), schedules that
generate due checks (schedules), results with abnormal alerts written to the 大事记
(results), the summary report's data, the analyst's recommendations and what 总览 counts
(report). Monitoring belongs to its incident and stays open after the incident is closed:
it ends when each schedule has run its days or is ended with a reason."""
