"""Write the Flatpak's Python dependencies, pinned: wheels.lock and python3-modules.json.

Run `make flatpak-modules` (needs the package index) after changing [project] dependencies in
pyproject.toml, then `make flatpak-wheels` before `flatpak-builder`.
pip resolves them for the Flatpak's Python (the runtime's, not this machine's) on x86_64 and
aarch64 from its default index, and this writes
- wheels.lock: every file for both arches, pinned by version and sha256 in pip's
  `--require-hashes` format; `make flatpak-wheels` (download_wheels.py) downloads exactly those
  files into the wheelhouse, wheels/ beside this file (git-ignored), and pip checks each hash;
- python3-modules.json: the modules, whose sources are those files in the wheelhouse by path
  and sha256 (flatpak-builder checks the hash again), so the Flatpak build resolves nothing,
  downloads nothing and names no host.

- Wheels wherever they exist, so no Rust (rpds-py) or C (pillow) toolchain is needed.
- sqlcipher3 is the exception: built from its source distribution, which carries SQLCipher
  itself, against the runtime's OpenSSL, so SQLCipher's cryptography is updated with the
  runtime instead of being frozen into a wheel. setuptools and wheel are listed for that build.
- PySide6 is not listed: the io.qt.PySide.BaseApp base app provides it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MODULES = HERE / "python3-modules.json"
LOCK = HERE / "wheels.lock"
# The wheelhouse, relative to this folder (flatpak-builder reads a `path` relative to the file
# that holds the module, python3-modules.json here).
WHEELHOUSE = "wheels"

# The Python of the runtime named in org.peerdesk.PeerDesk.yml (KDE 6.10 = freedesktop 25.08).
RUNTIME_PYTHON = "3.13"
ARCHES = ("x86_64", "aarch64")
# Wheels built for glibc 2.28 or older run on the runtime's (2.41); pip takes the tags literally.
MANYLINUX = ("manylinux_2_28", "manylinux_2_27", "manylinux_2_17", "manylinux2014",
             "manylinux_2_5", "manylinux1")
PROVIDED_BY_BASE_APP = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
BUILT_FROM_SOURCE = {"sqlcipher3"}
BUILD_TOOLS = ["setuptools", "wheel"]


@dataclass
class PinnedFile:
    """One file pip chose: what it is, its hash, and the arches that install it."""

    name: str
    version: str
    filename: str
    sha256: str
    arches: set[str] = field(default_factory=set)


def normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def requirement_name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop, 1)[0]
    return normalise(requirement)


def runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return [req for req in project["dependencies"]
            if requirement_name(req) not in PROVIDED_BY_BASE_APP]


def target_platform(arch: str) -> list[str]:
    """pip options that choose files for the runtime's Python on `arch`, not this machine's."""
    platforms = [arg for tag in MANYLINUX for arg in ("--platform", f"{tag}_{arch}")]
    return [*platforms, "--implementation", "cp", "--python-version", RUNTIME_PYTHON,
            "--abi", "cp" + RUNTIME_PYTHON.replace(".", "")]


def pip_command(python: str | Path, *args: str) -> list[str]:
    # --isolated: this machine's pip settings (local folders, extra indexes, constraints) must
    # not leak into the pins, so pip uses its default index; only the certificate bundle is
    # passed on.
    cert = ["--cert", os.environ["PIP_CERT"]] if os.environ.get("PIP_CERT") else []
    return [str(python), "-m", "pip", "--isolated", *cert, "--disable-pip-version-check",
            "--quiet", *args]


def build_tools_venv(work: Path) -> Path:
    """The Python of a throwaway venv in `work` holding setuptools and wheel.

    pip reads sqlcipher3's metadata with these, without build isolation (as the Flatpak build
    does): isolated, its setup.py would fetch OpenSSL from elsewhere first."""
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)  # noqa: S603
    python = work / "venv" / "bin" / "python"
    subprocess.run(pip_command(python, "install", *BUILD_TOOLS), check=True)  # noqa: S603
    return python


def pip(*args: str, with_build_tools: bool = False) -> list[dict[str, Any]]:
    """pip's installation report for a dry run (nothing is installed).

    `with_build_tools`: in a build_tools_venv(), for reading a source distribution's
    metadata."""
    with tempfile.TemporaryDirectory(prefix="peerdesk-flatpak-") as work:
        python = build_tools_venv(Path(work)) if with_build_tools else Path(sys.executable)
        report = Path(work) / "report.json"
        subprocess.run(pip_command(python, "install", "--dry-run", "--ignore-installed",  # noqa: S603
                                   "--target", f"{work}/target",
                                   "--report", str(report), *args), check=True)
        return list(json.loads(report.read_text("utf-8"))["install"])


def pinned(item: dict[str, Any], arches: set[str]) -> PinnedFile:
    info = item["download_info"]
    return PinnedFile(name=normalise(item["metadata"]["name"]),
                      version=item["metadata"]["version"],
                      filename=info["url"].rsplit("/", 1)[-1],
                      sha256=info["archive_info"]["hashes"]["sha256"],
                      arches=set(arches))


def resolve() -> dict[str, list[PinnedFile]]:
    """The files of each module, by module name, in install order."""
    requirements = runtime_requirements()
    wheels: dict[str, PinnedFile] = {}
    for arch in ARCHES:
        for item in pip("--only-binary=:all:", *target_platform(arch), *requirements):
            file = pinned(item, {arch})
            if file.name in BUILT_FROM_SOURCE:
                continue
            wheels.setdefault(file.filename, file).arches.add(arch)

    from_source = pip("--no-deps", "--no-binary", ",".join(BUILT_FROM_SOURCE),
                      "--no-build-isolation",
                      *[r for r in requirements if requirement_name(r) in BUILT_FROM_SOURCE],
                      with_build_tools=True)
    tools = pip("--only-binary=:all:", "--no-deps", *BUILD_TOOLS)
    return {
        "python3-build-tools": [pinned(item, set(ARCHES)) for item in tools],
        "python3-sqlcipher3": [pinned(item, set(ARCHES)) for item in from_source],
        "python3-dependencies": sorted(wheels.values(), key=lambda file: file.filename),
    }


def module_source(file: PinnedFile) -> dict[str, Any]:
    source: dict[str, Any] = {"type": "file", "path": f"{WHEELHOUSE}/{file.filename}",
                              "sha256": file.sha256}
    if file.arches != set(ARCHES):
        source["only-arches"] = sorted(file.arches)
    return source


def install_module(name: str, files: list[PinnedFile]) -> dict[str, Any]:
    packages = sorted({file.name for file in files})
    return {
        "name": name,
        "buildsystem": "simple",
        "build-commands": [
            "pip3 install --no-index --find-links=\"file://${PWD}\" --prefix=${FLATPAK_DEST} "
            "--no-build-isolation " + " ".join(packages)
        ],
        "sources": [module_source(file) for file in files],
    }


def module_list(modules: dict[str, list[PinnedFile]]) -> dict[str, Any]:
    build_tools, *installed = (install_module(name, files) for name, files in modules.items())
    return {
        "name": "python3-modules",
        "buildsystem": "simple",
        "build-commands": [],
        # Needed only while building; left out of the finished app.
        "modules": [{**build_tools, "cleanup": ["*"]}, *installed],
    }


def lock_file(modules: dict[str, list[PinnedFile]]) -> str:
    """pip's hash-checking requirements format: one entry per name and version, every file's
    hash (all arches) under it."""
    hashes: dict[tuple[str, str], list[str]] = {}
    for files in modules.values():
        for file in files:
            hashes.setdefault((file.name, file.version), []).append(file.sha256)
    lines = [
        "# The Flatpak's Python dependencies: every file for x86_64 and aarch64, pinned by hash.",
        "# Generated by `make flatpak-modules` (packaging/flatpak/generate_modules.py); do not",
        "# edit. `make flatpak-wheels` downloads these files into packaging/flatpak/wheels/.",
    ]
    for (name, version), sha256s in sorted(hashes.items()):
        lines.append(f"{name}=={version} \\")
        lines.extend(f"    --hash=sha256:{sha256}" + (" \\" if i < len(sha256s) - 1 else "")
                     for i, sha256 in enumerate(sorted(set(sha256s))))
    return "\n".join(lines) + "\n"


def main() -> int:
    modules = resolve()
    LOCK.write_text(lock_file(modules), "utf-8")
    MODULES.write_text(json.dumps(module_list(modules), indent=2) + "\n", "utf-8")
    files = sum(len(module_files) for module_files in modules.values())
    print(f"Wrote {LOCK.relative_to(ROOT)} and {MODULES.relative_to(ROOT)}: {files} files, "
          f"{', '.join(sorted(BUILT_FROM_SOURCE))} from source. "
          "Run `make flatpak-wheels` before flatpak-builder.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
