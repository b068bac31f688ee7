"""Write packaging/flatpak/python3-modules.json: the Flatpak's Python dependencies, pinned.

Run `make flatpak-modules` (needs PyPI) after changing [project] dependencies in pyproject.toml.
pip resolves them for the Flatpak's Python (the runtime's, not this machine's) on x86_64 and
aarch64; every file is then pinned by URL and sha256, so the Flatpak build resolves nothing and
downloads nothing that the manifest does not name.

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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUTPUT = HERE / "python3-modules.json"

# The Python of the runtime named in org.peerdesk.PeerDesk.yml (KDE 6.10 = freedesktop 25.08).
RUNTIME_PYTHON = "3.13"
ARCHES = ("x86_64", "aarch64")
# Wheels built for glibc 2.28 or older run on the runtime's (2.41); pip takes the tags literally.
MANYLINUX = ("manylinux_2_28", "manylinux_2_27", "manylinux_2_17", "manylinux2014",
             "manylinux_2_5", "manylinux1")
PROVIDED_BY_BASE_APP = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
BUILT_FROM_SOURCE = {"sqlcipher3"}
BUILD_TOOLS = ["setuptools", "wheel"]
INDEX = "https://pypi.org/simple"


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


def pip_command(python: str | Path, *args: str) -> list[str]:
    # --isolated: this machine's pip settings (extra indexes, constraints) must not leak into
    # the pins; only the certificate bundle is passed on.
    cert = ["--cert", os.environ["PIP_CERT"]] if os.environ.get("PIP_CERT") else []
    return [str(python), "-m", "pip", "--isolated", *cert, "--disable-pip-version-check",
            "--quiet", *args]


def pip(*args: str, with_build_tools: bool = False) -> list[dict[str, Any]]:
    """pip's installation report for a dry run (nothing is installed).

    `with_build_tools`: in a throwaway venv holding setuptools and wheel, for reading a source
    distribution's metadata without build isolation (as the Flatpak build does)."""
    with tempfile.TemporaryDirectory(prefix="peerdesk-flatpak-") as work:
        python: str | Path = sys.executable
        if with_build_tools:
            subprocess.run([sys.executable, "-m", "venv", f"{work}/venv"], check=True)  # noqa: S603
            python = Path(work, "venv", "bin", "python")
            subprocess.run(pip_command(python, "install", "--index-url", INDEX, *BUILD_TOOLS),  # noqa: S603
                           check=True)
        report = Path(work) / "report.json"
        subprocess.run(pip_command(python, "install", "--dry-run", "--ignore-installed",  # noqa: S603
                                   "--index-url", INDEX, "--target", f"{work}/target",
                                   "--report", str(report), *args), check=True)
        return list(json.loads(report.read_text("utf-8"))["install"])


def source(item: dict[str, Any]) -> dict[str, Any]:
    info = item["download_info"]
    return {"type": "file", "url": info["url"],
            "sha256": info["archive_info"]["hashes"]["sha256"]}


def wheels_for(arch: str, requirements: list[str]) -> list[dict[str, Any]]:
    platforms = [arg for tag in MANYLINUX for arg in ("--platform", f"{tag}_{arch}")]
    return pip("--only-binary=:all:", *platforms, "--implementation", "cp",
               "--python-version", RUNTIME_PYTHON, "--abi", "cp" + RUNTIME_PYTHON.replace(".", ""),
               *requirements)


def install_module(name: str, packages: list[str], sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": name,
        "buildsystem": "simple",
        "build-commands": [
            "pip3 install --no-index --find-links=\"file://${PWD}\" --prefix=${FLATPAK_DEST} "
            "--no-build-isolation " + " ".join(packages)
        ],
        "sources": sources,
    }


def main() -> int:
    requirements = runtime_requirements()
    by_file: dict[str, dict[str, Any]] = {}
    arches_of: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for arch in ARCHES:
        for item in wheels_for(arch, requirements):
            name = normalise(item["metadata"]["name"])
            if name in BUILT_FROM_SOURCE:
                continue
            entry = source(item)
            by_file[entry["url"]] = entry
            arches_of.setdefault(entry["url"], set()).add(arch)
            names[name] = item["metadata"]["version"]
    wheel_sources = []
    for url, entry in sorted(by_file.items(), key=lambda pair: pair[0].rsplit("/", 1)[-1]):
        if arches_of[url] != set(ARCHES):
            entry["only-arches"] = sorted(arches_of[url])
        wheel_sources.append(entry)

    from_source = [item for item in pip("--no-deps", "--no-binary", ",".join(BUILT_FROM_SOURCE),
                                        "--no-build-isolation",
                                        *[r for r in requirements
                                          if requirement_name(r) in BUILT_FROM_SOURCE],
                                        with_build_tools=True)]
    tools = pip("--only-binary=:all:", "--no-deps", *BUILD_TOOLS)
    modules = {
        "name": "python3-modules",
        "buildsystem": "simple",
        "build-commands": [],
        "modules": [
            # Needed only while building; left out of the finished app.
            {**install_module("python3-build-tools", BUILD_TOOLS, [source(i) for i in tools]),
             "cleanup": ["*"]},
            install_module("python3-sqlcipher3", sorted(BUILT_FROM_SOURCE),
                           [source(i) for i in from_source]),
            install_module("python3-dependencies", sorted(names),
                           wheel_sources),
        ],
    }
    OUTPUT.write_text(json.dumps(modules, indent=2) + "\n", "utf-8")
    print(f"Wrote {OUTPUT.relative_to(ROOT)}: {len(names)} wheels, "
          f"{', '.join(sorted(BUILT_FROM_SOURCE))} from source.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
