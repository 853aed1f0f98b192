"""Controlled vocabularies stored in Chinese (as the templates and forms use
them), with their English labels for the English interface."""

from desktop.core.i18n import current_language

DEPOT_LEVELS = {
    "市级储备库": "City reserve depot",
    "县级储备库": "County reserve depot",
    "医疗机构": "Medical institution",
    "协议储备": "Supplier-held reserve",
}
LOT_STATUSES = {"合格": "Released", "待检": "Quarantined", "冻结": "Frozen", "报废": "Scrapped"}
STORAGE = {"常温": "Room temperature", "阴凉": "Cool (≤ 20 °C)", "冷链": "Cold chain 2–8 °C"}

_ALL = {**DEPOT_LEVELS, **LOT_STATUSES, **STORAGE}

# Allocation order statuses are stored as codes (they order the forward-only merge).
ORDER_STATUSES = {
    "draft": "草稿",
    "submitted": "已提交",
    "approved": "已批准",
    "dispatched": "已发运",
    "received": "已接收",
    "cancelled": "已作废",
}


def order_status(code: str) -> str:
    """An order status as the user's language shows it."""
    return code if current_language() == "en" else ORDER_STATUSES.get(code, code)


def label(value: str) -> str:
    """A stored vocabulary value as the user's language shows it."""
    if current_language() == "en":
        return _ALL.get(value, value)
    return value
