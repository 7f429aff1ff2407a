"""esp-wizard: discovery workshops for email-platform migrations, in the terminal."""

__version__ = "0.1.0"
