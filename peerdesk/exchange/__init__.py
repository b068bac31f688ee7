"""What leaves the journal: the de-identified summary format, de-identification and export.

The coordinator's import validation (`validate.py`) lives here too and reads `format.py`.
"""
