"""The export dialog: what leaves the journal, previewed before it is written."""
