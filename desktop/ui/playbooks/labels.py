"""Captions of the playbook vocabularies (hazards, statuses, phases, bases, fields) in the
user's language, shared by the playbook list, editor, diff and matrix views, and the one
job that reads the lists their forms choose from (agencies, specialties, categories)."""

from PySide6.QtCore import QCoreApplication

from desktop.core import choices


def hazards() -> dict[str, str]:
    return {
        "bioterror": QCoreApplication.translate("PlaybookLabels", "Bioterrorism"),
        "infectious_disease": QCoreApplication.translate("PlaybookLabels", "Infectious disease"),
        "animal_epidemic": QCoreApplication.translate("PlaybookLabels", "Animal epidemic"),
        "plant_pest": QCoreApplication.translate("PlaybookLabels", "Plant pest"),
        "invasive_species": QCoreApplication.translate("PlaybookLabels", "Invasive species"),
        "lab_incident": QCoreApplication.translate("PlaybookLabels", "Laboratory incident"),
    }


def statuses() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("PlaybookLabels", "Draft"),
        "approved": QCoreApplication.translate("PlaybookLabels", "Approved"),
        "retired": QCoreApplication.translate("PlaybookLabels", "Retired"),
    }


def phases() -> dict[str, str]:
    return {
        "monitoring_warning": QCoreApplication.translate(
            "PlaybookLabels", "Monitoring and warning"
        ),
        "treatment": QCoreApplication.translate("PlaybookLabels", "Treatment and placement"),
        "disinfection": QCoreApplication.translate("PlaybookLabels", "Disinfection"),
        "ecological_restoration": QCoreApplication.translate(
            "PlaybookLabels", "Ecological restoration"
        ),
        "safety_monitoring": QCoreApplication.translate("PlaybookLabels", "Safety monitoring"),
        "order_restoration": QCoreApplication.translate("PlaybookLabels", "Restoring public order"),
        "long_term_monitoring": QCoreApplication.translate(
            "PlaybookLabels", "Long-term monitoring"
        ),
        "other": QCoreApplication.translate("PlaybookLabels", "Other"),
    }


def bases() -> dict[str, str]:
    return {
        "per_exposed": QCoreApplication.translate("PlaybookLabels", "per exposed person"),
        "per_patient": QCoreApplication.translate("PlaybookLabels", "per patient"),
        "per_responder": QCoreApplication.translate("PlaybookLabels", "per responder"),
        "per_site": QCoreApplication.translate("PlaybookLabels", "per site"),
        "per_km2": QCoreApplication.translate("PlaybookLabels", "per km²"),
        "fixed": QCoreApplication.translate("PlaybookLabels", "fixed"),
    }


def fields() -> dict[str, str]:
    """Field names of playbook_diff results."""
    return {
        "title": QCoreApplication.translate("PlaybookLabels", "Title"),
        "hazard": QCoreApplication.translate("PlaybookLabels", "Hazard"),
        "grades": QCoreApplication.translate("PlaybookLabels", "Grades"),
        "clauses": QCoreApplication.translate("PlaybookLabels", "Clauses"),
        "summary": QCoreApplication.translate("PlaybookLabels", "Summary"),
        "example": QCoreApplication.translate("PlaybookLabels", "Example"),
        "phase": QCoreApplication.translate("PlaybookLabels", "Phase"),
        "position": QCoreApplication.translate("PlaybookLabels", "Position"),
        "instructions": QCoreApplication.translate("PlaybookLabels", "Instructions"),
        "lead_agency": QCoreApplication.translate("PlaybookLabels", "Lead agency"),
        "support_agencies": QCoreApplication.translate("PlaybookLabels", "Supporting agencies"),
        "deadline_hours": QCoreApplication.translate("PlaybookLabels", "Deadline (hours)"),
        "min_grade": QCoreApplication.translate("PlaybookLabels", "Minimum grade"),
        "checklist": QCoreApplication.translate("PlaybookLabels", "Checklist"),
        "specialties": QCoreApplication.translate("PlaybookLabels", "Specialties"),
        "clause": QCoreApplication.translate("PlaybookLabels", "Clause"),
        "clause_note": QCoreApplication.translate("PlaybookLabels", "Why by analogy"),
        "quotes": QCoreApplication.translate("PlaybookLabels", "Words of the plan quoted"),
        "sources": QCoreApplication.translate("PlaybookLabels", "Sources"),
        "qty_per_day": QCoreApplication.translate("PlaybookLabels", "Quantity per day"),
        "days": QCoreApplication.translate("PlaybookLabels", "Days"),
        "buffer_pct": QCoreApplication.translate("PlaybookLabels", "Buffer %"),
        "note": QCoreApplication.translate("PlaybookLabels", "Note"),
    }


def lists_job(db) -> dict:
    """What the editor's forms choose from, for the worker."""
    return choices.load(db, "agencies", "specialties", "categories")
