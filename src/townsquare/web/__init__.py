"""The web edge: the demo platform at /demo (a small social site that asks townsquare for
verdicts on every surface it renders), its templates, static files and seed data."""
