"""Plain-prompt interviews (`esp-wizard ask`): the same engine and files as the TUI.

For plain SSH sessions, terminals that full-screen apps handle badly, and screen readers:
each question is one questionary prompt, printed below the previous one, so the whole
interview reads top to bottom. The core (`esp_wizard.session`) decides what is asked next,
what is valid and what is saved; this package only asks and shows.

- `specials`  the special answers (`:dk`, `:na`, `:skip`, … `:help`) typed or chosen anywhere
- `prompter`  questionary behind one small API, plain when NO_COLOR is set
- `prompts/`  one prompt per question type, a registry keyed by `type`
- `flow`      the question loop: presents, asks, records, saves after every change
- `start`     a new session from options and prompts, or `--resume SESSION`
- `summary`   the end: findings raised, where the file is, completion
- `main`      the command's body: interrupts save nothing new and lose nothing
"""
