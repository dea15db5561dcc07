"""The doctor directory and Find a Doctor: providers, specialties, locations, languages, search, importer.

May import: ``conditions`` (the conditions a doctor treats) and ``base``. Never
``search`` or ``hospital_site`` (docs/architecture.md, enforced by ``make lint``).
"""
