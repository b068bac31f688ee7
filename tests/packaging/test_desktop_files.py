"""Desktop integration files: valid, consistent with each other and with what we ship."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from peerdesk import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.peerdesk.PeerDesk"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_command_with_our_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    # No %f/%F/%u/%U: the command opens the app and takes no file to open, so a file manager
    # must not offer PeerDesk for files (it would pass them and the command would refuse).
    assert entry["Exec"] == "peerdesk"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")


def test_metainfo_matches_desktop_file_and_version() -> None:
    tree = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml")
    root = tree.getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions
    for release in root.iter("release"):
        assert release.findtext("description/p"), f"release {release.get('version')} has no notes"
    assert (root.findtext("url[@type='homepage']") or "").startswith("https://")


def test_metainfo_screenshots_are_the_readme_ones() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    readme = (ROOT / "README.md").read_text("utf-8")
    shots = root.findall("screenshots/screenshot")
    assert shots
    assert [shot.get("type") for shot in shots].count("default") == 1
    for shot in shots:
        image = shot.findtext("image") or ""
        relative = image.split("/", 3)[3]  # after https://host/
        assert (ROOT / relative).is_file(), image
        assert f"]({relative})" in readme, f"{relative} is not shown in the README"
        assert f"![{shot.findtext('caption')}]({relative})" in readme, "caption differs"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_validates_with_appstreamcli() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_set_is_complete() -> None:
    assert (ROOT / "resources" / "icons" / "peerdesk.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = PACKAGING / "icons" / f"peerdesk-{size}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png


def test_pyinstaller_spec_ships_resources_and_migrations() -> None:
    spec = (PACKAGING / "peerdesk.spec").read_text("utf-8")
    assert '"resources"' in spec
    assert "migrations" in spec
    assert "collect_submodules(\"peerdesk\")" in spec  # commands/workspaces are imported by name
    assert (PACKAGING / "launch.py").is_file()
