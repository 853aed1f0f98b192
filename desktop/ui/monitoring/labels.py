"""How the 长期监测 page words what the core stores: a schedule's state, frequency, normal
range and subject (a cohort, or a site's kind and place)."""

from PySide6.QtCore import QCoreApplication

from desktop.ui.incidents import labels


def state(code: str) -> str:
    """A schedule's state (schedules.listing): running, run its days, or ended early."""
    return {
        "active": QCoreApplication.translate("MonitoringLabels", "Running"),
        "finished": QCoreApplication.translate("MonitoringLabels", "Finished"),
        "ended": QCoreApplication.translate("MonitoringLabels", "Ended early"),
    }.get(code, code)


def frequency(every_days: int, for_days: int) -> str:
    if every_days == 1:
        return QCoreApplication.translate("MonitoringLabels", "Daily for {days} days").format(
            days=f"{for_days:,}"
        )
    return QCoreApplication.translate(
        "MonitoringLabels", "Every {every} days for {days} days"
    ).format(every=every_days, days=f"{for_days:,}")


def number(value) -> str:
    return "" if value is None else f"{value:g}"


def normal_range(low, high) -> str:
    """12 – 37.2, ≥ 12, ≤ 37.2, or nothing."""
    if low is not None and high is not None:
        return f"{number(low)} – {number(high)}"
    if low is not None:
        return f"≥ {number(low)}"
    if high is not None:
        return f"≤ {number(high)}"
    return ""


def subject(schedule: dict) -> str:
    """Whom or what a schedule checks: its cohort, or its site's kind and place."""
    if schedule.get("cohort"):
        return labels.name("cohort", schedule["cohort"])
    kind = labels.name("site_kind", schedule.get("site_kind"))
    return f"{kind}：{schedule.get('site_place') or ''}"
