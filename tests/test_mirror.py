"""Tests mirror the package: peerdesk/x/y.py is tested in tests/x/test_y.py, or tests/README.md
says in one line why it needs no test module of its own (issue #20).

Each failure names the module and the one edit that fixes it, so a merge that adds a module
without either is repaired in a minute."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "peerdesk"
TESTS = ROOT / "tests"
README = TESTS / "README.md"
EXEMPT_LINE = re.compile(r"^- `(?P<module>peerdesk/[^`]+\.py)`(?P<reason>.*)$")


def holds_logic(path: Path) -> bool:
    """A package's `__init__.py` counts only if it defines something (most just re-export)."""
    if path.name != "__init__.py":
        return True
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
               for node in tree.body)


def expected_test_module(module: Path) -> Path:
    """peerdesk/x/y.py -> tests/x/test_y.py; x/__init__.py with logic -> tests/x/test_init.py."""
    relative = module.relative_to(PACKAGE)
    stem = "init" if relative.name == "__init__.py" else relative.stem
    return TESTS / relative.parent / f"test_{stem}.py"



def package_modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if holds_logic(path))


def exemptions() -> dict[str, str]:
    """README's `- \\`peerdesk/...py\\`: why` lines: module path -> reason."""
    found: dict[str, str] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        match = EXEMPT_LINE.match(line.strip())
        if match:
            found[match["module"]] = match["reason"].lstrip(" :—-").strip()
    return found


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_module_has_a_test_module_or_a_readme_line() -> None:
    exempt = exemptions()
    missing = [
        f"{relative(module)} has no test module: add {relative(expected_test_module(module))}, or "
        f"a line \"- `{relative(module)}`: why it needs none\" to tests/README.md"
        for module in package_modules()
        if not expected_test_module(module).exists() and relative(module) not in exempt
    ]
    assert not missing, "\n".join(missing)


def test_readme_lists_only_modules_that_exist_and_have_no_test_module() -> None:
    stale = []
    for name, reason in exemptions().items():
        module = ROOT / name
        if not module.exists():
            stale.append(f"tests/README.md lists {name}, which no longer exists: remove its line")
        elif expected_test_module(module).exists():
            stale.append(f"tests/README.md lists {name}, but "
                         f"{relative(expected_test_module(module))} exists: remove its line")
        elif not reason:
            stale.append(f"tests/README.md lists {name} without saying why it needs no test "
                         "module: add the reason after a colon")
    assert not stale, "\n".join(stale)


def test_the_mirror_rule_maps_modules_as_documented() -> None:
    assert expected_test_module(PACKAGE / "journal" / "validation.py") == \
        TESTS / "journal" / "test_validation.py"
    assert expected_test_module(PACKAGE / "ui" / "journal" / "editor.py") == \
        TESTS / "ui" / "journal" / "test_editor.py"
    assert expected_test_module(PACKAGE / "cli.py") == TESTS / "test_cli.py"
    assert not holds_logic(PACKAGE / "vault" / "__init__.py")  # re-exports only
    assert PACKAGE / "journal" / "validation.py" in package_modules()
