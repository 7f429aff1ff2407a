"""`python -m esp_wizard` runs the command line."""

from esp_wizard.cli import main

raise SystemExit(main())
