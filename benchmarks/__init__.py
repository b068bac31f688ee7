"""`make bench`: PeerDesk's performance budget, each operation beside a raw baseline."""
