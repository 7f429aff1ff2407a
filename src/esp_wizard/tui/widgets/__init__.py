"""The TUI's widgets, one per module: the answer widgets and the interview's furniture."""
