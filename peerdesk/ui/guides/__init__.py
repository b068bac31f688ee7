"""The guide browser, quick reference and training progress screens."""
