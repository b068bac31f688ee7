"""The coordinator's side: imported summaries, aggregation and disclosure control."""
