"""The referral directory on screen: workspace, detail pane, dialogs, and the session picker."""
