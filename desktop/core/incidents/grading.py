"""Grading an incident (I 特别重大 … IV 一般, from the national public-health emergency plan,
not the city's): escalation and de-escalation, each kept with its time, reason and author.
Escalating gives the tasks of the activated playbooks whose minimum grade is now met; a
de-escalation removes none."""

import desktop.core.incidents.activation as activation
import desktop.core.incidents.journal as journal
import desktop.core.incidents.records as records
from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write


def escalate(db: Database, ctx: Ctx, ref: str, grade: str, reason: str, at=None) -> dict:
    """Change the grade (up or down) for a reason; returns {grade, previous, tasks}: the
    number of tasks added."""
    incident = records.open_incident(db, ref)
    new = records.choice("grade", grade, "grade")
    try:
        reason = values.clean_text(reason, "reason", multiline=True)
    except values.BadValue as error:
        raise Invalid("reason", str(error)) from None
    if not reason:
        raise Invalid("reason", tr("Give the reason for the change of grade."))
    old = incident["grade"]
    if new == old:
        raise BioError(
            tr("Incident {number} is grade {grade} already.", number=incident["number"],
               grade=new)
        )  # fmt: skip
    when = records.at_or_now(at)
    with write(db, ctx) as w:
        w.update("incident", incident["id"], {"grade": new})
        w.insert(
            "incident_grade",
            {"incident_id": incident["id"], "grade": new, "previous": old, "reason": reason,
             "at": when, "actor": ctx.actor},
        )  # fmt: skip
        added = (
            activation.add_tasks(w, incident, new, when)
            if records.rank(new) < records.rank(old)
            else 0
        )
        text = tr(
            "Grade {old} → {new}: {reason}.",
            old=vocab.name("grade", old),
            new=vocab.name("grade", new),
            reason=reason,
        )
        if added:
            text += " " + tr("{count} task(s) added.", count=added)
        journal.note(w, incident["id"], "grade", text, when)
    return {"grade": new, "previous": old, "tasks": added}
