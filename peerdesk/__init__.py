"""PeerDesk: a private, offline desktop tool for workplace peer-support programs."""

__version__ = "0.1.0"
APP_NAME = "PeerDesk"
