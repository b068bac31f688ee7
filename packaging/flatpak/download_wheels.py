"""Fill the Flatpak's wheelhouse, packaging/flatpak/wheels/, with the files wheels.lock pins.

Run `make flatpak-wheels` (needs the package index) before `flatpak-builder`. pip downloads,
for each arch the Flatpak is built for, exactly the files whose sha256 wheels.lock lists
(`--require-hashes`: a file with any other hash is refused), from its default index. Files
already in the wheelhouse are checked, not downloaded again. python3-modules.json names the
same files by path and hash, so flatpak-builder then builds without reaching any host.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from generate_modules import (
    ARCHES,
    HERE,
    LOCK,
    WHEELHOUSE,
    build_tools_venv,
    pip_command,
    target_platform,
)


def download(python: Path, arch: str) -> None:
    # --no-deps: every dependency is in the lock already (pip checks that in hash mode), and
    # it lets pip choose the one source distribution (sqlcipher3) while a platform is given.
    # The hashes alone decide between a file for x86_64, for aarch64 or a source distribution.
    subprocess.run(pip_command(python, "download", "--require-hashes", "--no-deps",  # noqa: S603
                               "--no-build-isolation", *target_platform(arch),
                               "--dest", str(HERE / WHEELHOUSE), "--requirement", str(LOCK)),
                   check=True)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="peerdesk-flatpak-") as work:
        python = build_tools_venv(Path(work))
        for arch in ARCHES:
            print(f"Downloading the {arch} files of {LOCK.name}...", flush=True)
            download(python, arch)
    files = sorted(path.name for path in (HERE / WHEELHOUSE).iterdir())
    print(f"{HERE.joinpath(WHEELHOUSE)}: {len(files)} files, every hash checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
