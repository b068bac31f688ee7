"""PDF (reportlab) and CSV writers."""
