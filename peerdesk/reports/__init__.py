"""Reports for program leads: the protected figures as a PDF and as CSV.

The writers take a `peerdesk.program.report.ProtectedReport` (every figure already through
disclosure control) and put it into words with `peerdesk.program.labels`; they never see a
raw count.
"""
