"""Headless sub-commands, one module per area; `peerdesk.cli` wires them into argparse."""
