"""The layers of the architecture brief, checked by walking every import in desktop/.

Directions: ui → core, documents, sync; cli → core, documents, sync; documents → core;
sync → core. Never core → ui/documents/cli/sync, documents → ui/cli, sync → ui/cli,
ui → cli. No import cycles, not even through imports inside functions. The core, the
sync transport, the documents and the CLI load without Qt; the UI holds no SQL.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"

FORBIDDEN = {
    "desktop.core": ("desktop.ui", "desktop.documents", "desktop.cli", "desktop.sync"),
    "desktop.documents": ("desktop.ui", "desktop.cli"),
    "desktop.sync": ("desktop.ui", "desktop.cli", "desktop.documents"),
    "desktop.ui": ("desktop.cli",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, name: str, known: dict) -> set[str]:
    """The desktop modules a module imports, wherever the import statement stands.

    `from a.b import c` depends on a.b.c when that is a module, else on a.b; a package's
    __init__ runs before any of its modules anyway, so that is not counted as an edge."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("desktop"):
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, name, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_there_are_no_import_cycles():
    edges = graph()
    assert len(edges) > 100
    assert cycles(edges) == []


def test_the_finder_sees_a_cycle_through_an_import_inside_a_function():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]


def test_imports_follow_the_layers():
    wrong = [
        f"{name} → {target}"
        for name, targets in graph().items()
        for layer, banned in FORBIDDEN.items()
        if within(name, layer)
        for target in targets
        if any(within(target, b) for b in banned)
    ]
    assert wrong == []


def test_the_ui_holds_no_sql():
    """Queries belong to the core; the UI calls core functions on the worker."""
    sql = re.compile(
        r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b|\.execute\(",
        re.I,
    )
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if sql.search(line)
    ]
    assert found == []


def test_everything_but_the_ui_loads_without_qt():
    """Anki's pylib rule, for the core and everything else that is not the desktop."""
    names = [name for name in modules() if not within(name, "desktop.ui") and name != "desktop"]
    assert any(within(n, "desktop.core.store") for n in names)
    code = (
        "import importlib, sys\n"
        f"for m in {names!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


# The packages that act for a person, who must log in: a context comes from a login
# (Account.ctx), never made up. Ctx("os:…") and Ctx.from_os() are for tests, the program's
# own setup and benchmarks (a damaged database at start-up: an account of its backup).
LOGGED_IN = ("cli", "ui")


def made_contexts(path: Path) -> list[int]:
    """Lines of a module that make a Ctx (Ctx(...), Ctx.from_os(), context.Ctx(...))."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "from_os":
            found.append(node.lineno)
        elif (isinstance(func, ast.Name) and func.id == "Ctx") or (
            isinstance(func, ast.Attribute) and func.attr == "Ctx"
        ):
            found.append(node.lineno)
    return found


def test_who_acts_comes_from_a_login():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in LOGGED_IN
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for line in made_contexts(path)
    ]
    assert found == []


def test_the_finder_sees_a_context_made_up(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "from desktop.core.context import Ctx\nimport desktop.core.context as context\n"
        "a = Ctx('os:x')\nb = Ctx.from_os()\nc = context.Ctx('os:y')\nd = ctx.user\n",
        encoding="utf-8",
    )
    assert made_contexts(module) == [3, 4, 5]
