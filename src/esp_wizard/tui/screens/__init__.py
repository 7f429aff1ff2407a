"""The TUI's screens, one module each, with its .tcss beside it."""
