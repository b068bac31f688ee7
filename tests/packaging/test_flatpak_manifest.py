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
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MANIFEST = PACKAGING / "org.peerdesk.PeerDesk.yml"
MODULE_LIST = PACKAGING / "flatpak" / "python3-modules.json"
LOCK = PACKAGING / "flatpak" / "wheels.lock"
WHEELHOUSE = "wheels"  # beside the module list, git-ignored; `make flatpak-wheels` fills it
PROVIDED_BY_BASE_APP = {"pyside6"}
# The package index's hosts, joined here so that this file does not name them either.
REGISTRY_HOSTS = tuple("".join(parts) for parts in (
    ("py", "pi", ".org"), ("py", "pi", ".python", ".org"), ("python", "hosted", ".org"),
    ("py", "pi", ".io"),
))


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
    return name_and_version(filename)[0]


def name_and_version(filename: str) -> tuple[str, Version]:
    if filename.endswith(".whl"):
        name, version = filename.removesuffix(".whl").split("-")[:2]
    else:
        name, version = filename.removesuffix(".tar.gz").rsplit("-", 1)
    return normalise(name), Version(version)


def lock_entries() -> dict[str, tuple[Version, set[str]]]:
    """wheels.lock as name -> (pinned version, the sha256 of every file allowed)."""
    entries: dict[str, tuple[Version, set[str]]] = {}
    logical = LOCK.read_text("utf-8").replace("\\\n", " ")
    for line in logical.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        requirement, *options = line.split()
        pin = Requirement(requirement)
        (specifier,) = pin.specifier
        assert specifier.operator == "==", line
        hashes = {option.removeprefix("--hash=sha256:") for option in options}
        assert all(re.fullmatch(r"[0-9a-f]{64}", sha) for sha in hashes), line
        assert hashes, line
        assert len(hashes) == len(options), line
        entries[normalise(pin.name)] = (Version(specifier.version), hashes)
    return entries


def python_sources() -> list[dict[str, Any]]:
    """The sources of the modules python3-modules.json holds."""
    return [source for module, folder in all_modules() if folder == MODULE_LIST.parent
            for source in module.get("sources", [])]


def test_no_network_anywhere() -> None:
    manifest = load_manifest()
    assert manifest["app-id"] == "org.peerdesk.PeerDesk"
    assert "--share=network" not in manifest["finish-args"]
    assert "--share=network" not in manifest.get("build-options", {}).get("build-args", [])
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


def test_every_source_is_a_local_path_and_no_url() -> None:
    sources = 0
    for module, folder in all_modules():
        for source in module.get("sources", []):
            sources += 1
            assert "url" not in source, source
            assert "mirror-urls" not in source, source
            assert "path" in source, source
            if folder != MODULE_LIST.parent:
                assert (folder / source["path"]).exists(), source
    assert sources > 10


def test_python_modules_are_wheelhouse_files_the_lock_pins_by_hash() -> None:
    # `make flatpak-wheels` downloads what the lock pins (pip checks each hash); flatpak-builder
    # then finds each file in the wheelhouse by path and checks its sha256 again.
    lock = lock_entries()
    used: set[str] = set()
    for source in python_sources():
        assert source["type"] == "file", source
        folder, filename = source["path"].split("/")
        assert folder == WHEELHOUSE, source
        name, version = name_and_version(filename)
        assert name in lock, f"{filename} is not in {LOCK.name}"
        pinned_version, hashes = lock[name]
        assert version == pinned_version, filename
        assert source.get("sha256") in hashes, f"{filename}: its sha256 is not in {LOCK.name}"
        used.add(source["sha256"])
    unused = {name for name, (_, hashes) in lock.items() if not hashes <= used}
    assert not unused, f"{LOCK.name} pins files no module installs: {sorted(unused)}"


def test_the_wheelhouse_is_not_committed_nor_copied_into_the_app() -> None:
    wheelhouse = f"packaging/flatpak/{WHEELHOUSE}"
    ignored = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    assert f"{wheelhouse}/" in ignored
    app_sources = module_named("peerdesk")["sources"]
    assert any(wheelhouse in source.get("skip", []) for source in app_sources)


def test_no_packaging_file_names_the_package_index_hosts() -> None:
    # The wheelhouse is git-ignored and holds third-party files; everything else is ours.
    files = [path for path in PACKAGING.rglob("*")
             if path.is_file() and WHEELHOUSE not in path.relative_to(PACKAGING).parts
             and "__pycache__" not in path.parts]
    files += [ROOT / name for name in ("Makefile", "README.md", "pyproject.toml", ".gitignore")]
    assert MODULE_LIST in files
    assert LOCK in files
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace").lower()
        for host in REGISTRY_HOSTS:
            assert host not in text, f"{path.relative_to(ROOT)} names a package index host"


def test_files_the_build_installs_from_the_tree_exist() -> None:
    app = module_named("peerdesk")
    commands = " ".join(app["build-commands"])
    sizes = re.search(r"for size in ([\d ]+);", commands)
    assert sizes
    for path in re.findall(r"(?<![\w$/{])((?:packaging|resources)/[\w./${}-]+)", commands):
        for size in sizes.group(1).split() if "${size}" in path else [""]:
            assert (ROOT / path.replace("${size}", size)).exists(), path


def test_lock_pins_every_runtime_dependency_of_pyproject() -> None:
    # A dependency added to pyproject.toml without `make flatpak-modules` fails here, and so
    # does a raised minimum the pinned version does not meet.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    lock = lock_entries()
    installed = {distribution_name(file_name(source)) for source in python_sources()}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        name = normalise(requirement.name)
        if name in PROVIDED_BY_BASE_APP:
            continue
        assert name in lock, f"{name} is not pinned in {LOCK.name}"
        assert requirement.specifier.contains(lock[name][0]), (line, str(lock[name][0]))
        assert name in installed, f"{name} is not installed by {MODULE_LIST.name}"


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
