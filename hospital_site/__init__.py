"""The project: settings, URLs, WSGI, and the demo command that composes every app's demo content.

On top of the layers: may import any app (docs/architecture.md). Also holds the
migration history (0001-0005) of the models that moved to ``base``.
"""
