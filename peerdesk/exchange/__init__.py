"""What leaves the journal: signed per-month figures (summary format v2).

`format.py` holds the format's constants, periods and canonical bytes; `keys.py` the journal's
signing key and fingerprints; `sent_periods.py` what earlier exports sent; `export.py` decides
which months to send and writes the file; `alias.py` checks the supporter's label; and
`validate.py` is the coordinator's import validation.
"""
