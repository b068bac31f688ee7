"""Everything Qt lives here; nothing outside `peerdesk.ui` imports Qt widgets."""
