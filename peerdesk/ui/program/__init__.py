"""The coordinator's Program workspace: import summaries, the dashboard, reports."""
