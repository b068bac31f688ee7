"""The Flatpak manifest builds from what the repository holds, pinned, with no network access."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MANIFEST = PACKAGING / "org.peerdesk.PeerDesk.yml"
MODULE_LIST = PACKAGING / "flatpak" / "python3-modules.json"
PROVIDED_BY_BASE_APP = {"pyside6"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def load_manifest() -> dict[str, Any]:
    return dict(yaml.safe_load(MANIFEST.read_text("utf-8")))


def modules(listed: list[Any], folder: Path) -> Iterator[tuple[dict[str, Any], Path]]:
    """Every module, with included module files read (as flatpak-builder does)."""
    for module in listed:
        if isinstance(module, str):
            included = folder / module
            assert included.is_file(), f"the manifest includes {module}, which is not in the repo"
            module = json.loads(included.read_text("utf-8"))
            yield from modules([module], included.parent)
            continue
        yield module, folder
        yield from modules(module.get("modules", []), folder)


def all_modules() -> list[tuple[dict[str, Any], Path]]:
    return list(modules(load_manifest()["modules"], PACKAGING))


def file_name(source: dict[str, Any]) -> str:
    where = source.get("url") or source["path"]
    return str(source.get("dest-filename") or where.rsplit("/", 1)[-1])


def module_named(name: str) -> dict[str, Any]:
    return next(module for module, _ in all_modules() if module["name"] == name)


def distribution_name(filename: str) -> str:
    stem = filename.removesuffix(".tar.gz").removesuffix(".whl")
    return normalise(stem.split("-")[0])


def test_no_network_anywhere() -> None:
    manifest = load_manifest()
    assert manifest["app-id"] == "org.peerdesk.PeerDesk"
    assert "--share=network" not in manifest["finish-args"]
    for module, _ in all_modules():
        assert "--share=network" not in module.get("build-options", {}).get("build-args", [])
    assert "PEERDESK_RESOURCES=/app/share/peerdesk-resources" in " ".join(manifest["finish-args"])


def test_base_app_follows_the_runtime() -> None:
    # io.qt.PySide.BaseApp has one branch per KDE runtime branch; they must match.
    manifest = load_manifest()
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"]
    assert re.fullmatch(r"6\.\d+", manifest["runtime-version"])


def test_every_source_is_in_the_repository_or_pinned_by_hash() -> None:
    sources = 0
    for module, folder in all_modules():
        for source in module.get("sources", []):
            sources += 1
            if "path" in source:
                assert (folder / source["path"]).exists(), source
            else:
                assert source["type"] in {"file", "archive"}, source
                assert source["url"].startswith("https://"), source
                assert re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")), source
    assert sources > 10


def test_files_the_build_installs_from_the_tree_exist() -> None:
    app = module_named("peerdesk")
    commands = " ".join(app["build-commands"])
    sizes = re.search(r"for size in ([\d ]+);", commands)
    assert sizes
    for path in re.findall(r"(?<![\w$/{])((?:packaging|resources)/[\w./${}-]+)", commands):
        for size in sizes.group(1).split() if "${size}" in path else [""]:
            assert (ROOT / path.replace("${size}", size)).exists(), path


def test_module_list_pins_every_runtime_dependency_of_pyproject() -> None:
    # A dependency added to pyproject.toml without `make flatpak-modules` fails here.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    needed = {normalise(re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0])
              for req in project["dependencies"]} - PROVIDED_BY_BASE_APP
    pinned = {distribution_name(file_name(source))
              for module, _ in all_modules() for source in module.get("sources", [])
              if "url" in source}
    assert needed <= pinned, f"not in {MODULE_LIST.name}: {sorted(needed - pinned)}"


@pytest.mark.parametrize("arch", ["x86_64", "aarch64"])
def test_each_offline_install_has_all_its_files(arch: str) -> None:
    # pip runs with --no-index inside the build: what it installs must be among its sources.
    generator = (PACKAGING / "flatpak" / "generate_modules.py").read_text("utf-8")
    python = re.search(r'RUNTIME_PYTHON = "3\.(\d+)"', generator)
    assert python
    for module, _ in all_modules():
        command = " ".join(module.get("build-commands", []))
        if "--prefix=${FLATPAK_DEST} --no-build-isolation" not in command or "--no-deps" in command:
            continue
        assert "--no-index" in command
        files = [file_name(s) for s in module["sources"] if arch in s.get("only-arches", [arch])]
        available = {distribution_name(name) for name in files}
        wanted = {normalise(word) for word in command.split("--no-build-isolation", 1)[1].split()}
        assert wanted <= available, (module["name"], sorted(wanted - available))
        for name in files:
            if name.endswith(".whl") and "-none-any" not in name:
                assert f"-cp3{python.group(1)}-" in name or "-abi3-" in name, name
                assert arch in name, name


def test_sqlcipher3_is_built_from_source_after_its_build_tools() -> None:
    names = [module["name"] for module, _ in all_modules()]
    assert names.index("python3-build-tools") < names.index("python3-sqlcipher3")
    sqlcipher = module_named("python3-sqlcipher3")
    assert [distribution_name(file_name(s)) for s in sqlcipher["sources"]] == ["sqlcipher3"]
    assert all(file_name(s).endswith(".tar.gz") for s in sqlcipher["sources"])
    tools = module_named("python3-build-tools")
    assert {distribution_name(file_name(s)) for s in tools["sources"]} >= {"setuptools", "wheel"}
