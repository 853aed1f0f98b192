import uuid

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.store import ids
from desktop.core.store.ids import reference_id, uuid7


def test_uuid7_is_version_7_and_sorts_by_creation():
    ids = [uuid7() for _ in range(2000)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_reference_ids_are_the_same_everywhere_and_differ_by_kind():
    assert reference_id("division", "430400") == reference_id("division", "430400")
    assert reference_id("division", "430400") != reference_id("agency", "430400")


@given(st.sampled_from(["lot", "item", "depot", "agency"]), st.text(max_size=80))
def test_reference_ids_are_the_uuid5_of_kind_and_code(kind, code):
    assert reference_id(kind, code) == str(uuid.uuid5(ids._REFERENCE_NAMESPACE, f"{kind}:{code}"))
