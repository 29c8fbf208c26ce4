"""What a piece of code really depends on, read statically from its source.

- :func:`import_closure`: the ailabor modules a script or module imports, directly or
  through the package (package ``__init__`` files and lazily exported names included);
- :func:`tables_read`: the built tables it loads (``load_table("x")``, ``load("x")``,
  ``load_<x>()``) and the curated files it opens (``curated_dir() / "x.csv"``);
- :func:`code_version`: a hash of exactly the files in a module's import closure, so a table
  is rebuilt when code it runs changes and not when unrelated code does.

The Makefile's graph (``ailabor.makegraph``) and the table builder both use these, so what
depends on what is read from the code once instead of being written down by hand.
"""

from __future__ import annotations

import ast
import hashlib
from functools import cache
from pathlib import Path

from ailabor import config

PACKAGE = "ailabor"


def module_path(name: str) -> Path | None:
    """The file of an ailabor module or package (None when ``name`` is not one)."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = config.PACKAGE_DIR.joinpath(*parts[1:])
    for cand in (base.with_suffix(".py"), base / "__init__.py"):
        if cand.is_file():
            return cand
    return None


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


@cache
def lazy_exports() -> dict[str, str]:
    """Names ``ailabor/__init__.py`` exports lazily (``_LAZY``): name -> module."""
    tree = ast.parse(module_path(PACKAGE).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "_LAZY" for t in targets):
                return ast.literal_eval(node.value)
    return {}


@cache
def _parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def direct_imports(path: Path) -> set[str]:
    """ailabor modules imported anywhere in ``path`` (function-level imports included)."""
    out: set[str] = set()
    tree = _parse(Path(path))
    imported_ailabor = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == PACKAGE or a.name.startswith(PACKAGE + "."):
                    out.add(a.name)
                    imported_ailabor |= a.name == PACKAGE
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and (node.module == PACKAGE or node.module.startswith(PACKAGE + "."))
        ):
            out.add(node.module)
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                if module_path(sub) is not None:
                    out.add(sub)
                elif node.module == PACKAGE and a.name in lazy_exports():
                    out.add(lazy_exports()[a.name])
    if imported_ailabor:  # ailabor.<name> attribute access through the lazy exports
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == PACKAGE
                and node.attr in lazy_exports()
            ):
                out.add(lazy_exports()[node.attr])
    return {m for m in out if module_path(m) is not None}


def import_closure(path: Path) -> list[Path]:
    """Every ailabor source file that running ``path`` imports, sorted, ``path`` excluded."""
    seen: set[str] = set()
    todo = sorted(direct_imports(path))
    while todo:
        m = todo.pop()
        if m in seen:
            continue
        seen.add(m)
        for parent in _parents(m):
            if parent not in seen:
                todo.append(parent)
        todo.extend(sorted(direct_imports(module_path(m)) - seen))
    files = {module_path(m) for m in seen}
    files.discard(Path(path).resolve())
    return sorted(files)


def code_version(module: str) -> str:
    """Version plus a hash of the module's own file and its import closure."""
    from ailabor.version import __version__

    path = module_path(module)
    h = hashlib.sha256()
    for p in [path, *import_closure(path)]:
        h.update(p.relative_to(config.PACKAGE_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return f"{__version__}+src.{h.hexdigest()[:12]}"


def package_code_version() -> str:
    """Version plus a hash of every source file of the package (for the release as a whole)."""
    from ailabor.version import __version__

    h = hashlib.sha256()
    for p in sorted(config.PACKAGE_DIR.rglob("*.py")):
        h.update(p.relative_to(config.PACKAGE_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return f"{__version__}+src.{h.hexdigest()[:12]}"


# Loaders of the catalogue that read one named table: ailabor.load_<x>() -> table.
def _catalog_loaders() -> dict[str, str]:
    from ailabor.catalog import LOADERS

    return LOADERS


def _string_arg(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def tables_read(path: Path) -> tuple[set[str], set[str]]:
    """Tables loaded and curated files opened in ``path`` itself: (tables, curated file names)."""
    tables: set[str] = set()
    curated: set[str] = set()
    loaders = _catalog_loaders()
    tree = _parse(Path(path))
    # Module-level string constants (``POSTINGS_FILE = "w241_postings.csv"``), so that
    # ``curated_dir() / POSTINGS_FILE`` is read like ``curated_dir() / "w241_postings.csv"``.
    consts = {
        t.id: node.value.value
        for node in getattr(tree, "body", [])
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for t in node.targets
        if isinstance(t, ast.Name) and isinstance(node.value.value, str)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", None)
            if name in ("load_table", "load", "read_table") and (arg := _string_arg(node)):
                tables.add(arg)
            elif name in loaders:
                tables.add(loaders[name])
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.left, ast.Call)
            and getattr(node.left.func, "attr", getattr(node.left.func, "id", None))
            == "curated_dir"
        ):
            if isinstance(node.right, ast.Constant):
                curated.add(str(node.right.value))
            elif isinstance(node.right, ast.Name) and node.right.id in consts:
                curated.add(consts[node.right.id])
    return tables, curated


def script_inputs(path: Path) -> dict[str, list]:
    """What an analysis script depends on: package files, tables and curated files it (or
    any module it imports) reads."""
    modules = import_closure(path)
    tables: set[str] = set()
    curated: set[str] = set()
    skip = {module_path("ailabor.catalog"), module_path("ailabor.storage")}
    for p in [Path(path), *modules]:
        if p in skip:
            continue
        t, c = tables_read(p)
        tables |= t
        curated |= c
    return {"modules": modules, "tables": sorted(tables), "curated": sorted(curated)}
