"""The import kinds by name, in the order the CLI and the menus offer them."""

import desktop.core.imports.depots as depots
import desktop.core.imports.experts as experts
import desktop.core.imports.items as items
import desktop.core.imports.norms as norms
import desktop.core.imports.stock as stock
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.imports.columns import Kind

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (items.KIND, depots.KIND, stock.KIND, norms.KIND, experts.KIND)
}
NAMES = tuple(KINDS)


def get(name: str) -> Kind:
    """The kind of that name; BioError naming the valid ones otherwise."""
    kind = KINDS.get(name)
    if kind is None:
        raise BioError(
            tr("Unknown kind {kind}; use one of {choices}.", kind=name, choices=", ".join(NAMES))
        )
    return kind
