"""Entry script for frozen builds (PyInstaller): the same `main()` as the `peerdesk` command."""

import sys

from peerdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
