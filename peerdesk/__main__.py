"""`python -m peerdesk` runs the same entry point as the `peerdesk` command."""

import sys

from peerdesk.cli import main

sys.exit(main())
