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


ORDER_STATUSES_EN = {
    "draft": "Draft",
    "submitted": "Submitted",
    "approved": "Approved",
    "dispatched": "Dispatched",
    "received": "Received",
    "cancelled": "Cancelled",
}


def order_status(code: str) -> str:
    """An order status as the user's language shows it."""
    names = ORDER_STATUSES_EN if current_language() == "en" else ORDER_STATUSES
    return names.get(code, code)


def local_name(name: str | None, name_en: str | None) -> str:
    """A reference row's name (division, agency, specialty, category) in the user's
    language: its English name in English when it has one."""
    if current_language() == "en" and name_en:
        return name_en
    return name or ""


def label(value: str) -> str:
    """A stored vocabulary value as the user's language shows it."""
    if current_language() == "en":
        return _ALL.get(value, value)
    return value


# ---------------------------------------------------------------- incidents
# Stored as codes (statuses order the forward-only merge); each with its Chinese and English
# name. A person may type either name or the code (parse).

HAZARDS = {
    "bioterror": ("生物恐怖袭击", "Bioterrorism"),
    "infectious_disease": ("新发突发传染病", "Infectious disease"),
    "animal_epidemic": ("重大动物疫情", "Animal epidemic"),
    "plant_pest": ("重大植物疫情", "Plant pest"),
    "invasive_species": ("外来物种入侵", "Invasive species"),
    "lab_incident": ("实验室生物安全事故", "Laboratory incident"),
}
# Grades of the national public-health emergency plan (国家突发公共卫生事件应急预案), not
# the city's plan: I is the highest.
GRADES = {
    "I": ("特别重大（I级）", "Especially serious (I)"),
    "II": ("重大（II级）", "Serious (II)"),
    "III": ("较大（III级）", "Relatively serious (III)"),
    "IV": ("一般（IV级）", "General (IV)"),
}
GRADE_WORDS = {"特别重大": "I", "重大": "II", "较大": "III", "一般": "IV", "1": "I", "2": "II",
               "3": "III", "4": "IV", "Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV"}  # fmt: skip
INCIDENT_STATUSES = {
    "reported": ("报告", "Reported"),
    "responding": ("响应", "Response"),
    "recovery": ("恢复", "Recovery"),
    "monitoring": ("长期监测", "Long-term monitoring"),
    "closed": ("关闭", "Closed"),
}
CONFIRMATIONS = {
    "possible": ("可疑", "Possible"),
    "suspected": ("疑似", "Suspected"),
    "confirmed": ("确诊", "Confirmed"),
}
TASK_STATUSES = {
    "not_started": ("未开始", "Not started"),
    "received": ("已接收", "Acknowledged"),
    "in_progress": ("进行中", "In progress"),
    "done": ("已完成", "Done"),
    "not_applicable": ("不适用", "Not applicable"),
    "blocked": ("受阻", "Blocked"),
}
REPORT_KINDS = {
    "first": ("首次报告", "First report"),
    "progress": ("进程报告", "Progress report"),
    "final": ("结案报告", "Final report"),
}
# 大事记 entries: recorded with each action (manual: typed by a person).
LOG_KINDS = {
    "created": ("事件登记", "Incident recorded"),
    "status": ("状态变更", "Status changed"),
    "activation": ("启动预案", "Playbook activated"),
    "grade": ("级别调整", "Grade changed"),
    "task": ("任务进展", "Task update"),
    "report": ("信息报告", "Information report"),
    "order": ("物资调拨", "Allocation order"),
    "expert": ("专家派遣", "Expert dispatch"),
    "edit": ("信息更正", "Details changed"),
    "manual": ("记事", "Entry"),
    "monitoring": ("监测异常", "Abnormal monitoring result"),
}

# Drills (演练): the kinds of exercise in Chinese practice, their statuses (暂停 is a running
# drill's clock stopped), an inject's triggers, channels and states, the actions the players
# take (what an expected action names), an evaluator's results and HSEEP's ratings.
DRILL_KINDS = {
    "tabletop": ("桌面推演", "Tabletop exercise"),
    "functional": ("专项演练", "Functional exercise"),
    "full_scale": ("综合演练", "Full-scale exercise"),
}
DRILL_STATUSES = {
    "planned": ("计划", "Planned"),
    "prepared": ("准备", "In preparation"),
    "running": ("进行", "Running"),
    "paused": ("暂停", "Paused"),
    "ended": ("结束", "Ended"),
    "evaluated": ("评估完成", "Evaluated"),
}
INJECT_TRIGGERS = {
    "time": ("定时", "At time"),
    "delay": ("延时", "After delay"),
    "after": ("条件", "After inject state"),
    "manual": ("手动", "Manual"),
}
INJECT_STATES = {
    "pending": ("待发", "Pending"),
    "fired": ("已发出", "Fired"),
    "acknowledged": ("已接收", "Acknowledged"),
    "done": ("已处置", "Done"),
}
CHANNELS = {
    "phone": ("电话", "Phone"),
    "fax": ("传真", "Fax"),
    "document": ("公文", "Official document"),
    "oral": ("口头", "Oral"),
    "system": ("系统", "System"),
}
DRILL_ACTIONS = {
    "incident": ("登记事件", "Record the incident"),
    "activate": ("启动预案", "Activate a playbook"),
    "escalate": ("调整级别", "Change the grade"),
    "report": ("信息报告", "Information report"),
    "order": ("物资调拨", "Allocation order"),
    "issue": ("物资出库", "Issue stock"),
    "dispatch": ("派遣专家", "Dispatch an expert"),
    "log": ("大事记", "Log entry"),
    "task": ("任务进展", "Task update"),
    "other": ("其他（评估员判定）", "Other (judged by an evaluator)"),
}
EXPECT_RESULTS = {
    "pending": ("待完成", "Pending"),
    "met": ("按时完成", "Met"),
    "late": ("超时完成", "Late"),
    "missed": ("未完成", "Missed"),
    "na": ("不适用", "Not applicable"),
}
RATINGS = {
    "P": ("P 顺利完成", "P Performed without challenges"),
    "S": ("S 基本完成", "S Performed with some challenges"),
    "M": ("M 困难较大", "M Performed with major challenges"),
    "U": ("U 未能完成", "U Unable to be performed"),
}
DRILL_ROLES = {
    "player": ("参演单位", "Player"),
    "controller": ("导调员", "Controller"),
    "evaluator": ("评估员", "Evaluator"),
}
OBSERVATION_KINDS = {
    "strength": ("做得好的", "Strength"),
    "improvement": ("待改进", "Area for improvement"),
}
IMPROVEMENT_STATUSES = {
    "open": ("未开始", "Open"),
    "in_progress": ("整改中", "In progress"),
    "done": ("已完成", "Done"),
    "cancelled": ("已取消", "Cancelled"),
}

# Long-term monitoring (长期监测): the cohorts followed, a person's status, the kinds of
# environmental sampling site.
COHORTS = {
    "exposed": ("暴露人员", "Exposed people"),
    "close_contact": ("密切接触者", "Close contacts"),
    "responder": ("处置人员", "Responders"),
    "recovered": ("康复患者", "Recovered patients"),
}
MONITOR_STATUSES = {
    "monitoring": ("监测中", "Under monitoring"),
    "released": ("已解除", "Released"),
    "lost": ("失访", "Lost to follow-up"),
    "referred": ("转诊", "Referred"),
}
SITE_KINDS = {
    "water": ("水体", "Water"),
    "soil": ("土壤", "Soil"),
    "air": ("空气", "Air"),
    "surface": ("物体表面", "Surfaces"),
    "animal": ("动物", "Animals"),
    "plant": ("植物", "Plants"),
}

# Roles of accounts (desktop/core/access/roles.py says what each may do).
ROLES = {
    "admin": ("系统管理员", "System administrator"),
    "coordinator": ("应急协调员", "Emergency coordinator"),
    "keeper": ("仓库管理员", "Depot keeper"),
    "liaison": ("成员单位联络员", "Member agency liaison"),
    "controller": ("演练导调员", "Drill controller"),
    "viewer": ("只读", "Read only"),
}

VOCABULARIES = {
    "hazard": HAZARDS,
    "grade": GRADES,
    "incident_status": INCIDENT_STATUSES,
    "confirmation": CONFIRMATIONS,
    "task_status": TASK_STATUSES,
    "report_kind": REPORT_KINDS,
    "log_kind": LOG_KINDS,
    "drill_kind": DRILL_KINDS,
    "drill_status": DRILL_STATUSES,
    "trigger": INJECT_TRIGGERS,
    "inject_state": INJECT_STATES,
    "channel": CHANNELS,
    "action": DRILL_ACTIONS,
    "result": EXPECT_RESULTS,
    "rating": RATINGS,
    "drill_role": DRILL_ROLES,
    "role": ROLES,
    "observation": OBSERVATION_KINDS,
    "improvement_status": IMPROVEMENT_STATUSES,
    "cohort": COHORTS,
    "monitor_status": MONITOR_STATUSES,
    "site_kind": SITE_KINDS,
}


def name(kind: str, code: str) -> str:
    """A code of one of VOCABULARIES as the user's language shows it."""
    names = VOCABULARIES[kind].get(code)
    if names is None:
        return code
    return names[1] if current_language() == "en" else names[0]


def _key(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def parse(kind: str, text: str) -> str | None:
    """The code a person meant: the code itself or its Chinese or English name, with or
    without what the name adds in brackets (重大, Serious), in any case, spaces and hyphens
    alike; or None."""
    words = VOCABULARIES[kind]
    value = (text or "").strip()
    if kind == "grade":
        value = GRADE_WORDS.get(value.rstrip("级"), value).upper().removesuffix("级")
    key = _key(value)
    for code, (zh, en) in words.items():
        names = {code, zh, zh.split("（")[0], en, en.split(" (")[0]}
        if value in names or key in {_key(n) for n in names}:
            return code
    return None


def choices_text(kind: str) -> str:
    """The codes of a vocabulary with their names in the user's language, for a refusal."""
    return "; ".join(f"{code} ({name(kind, code)})" for code in VOCABULARIES[kind])
