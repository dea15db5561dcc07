"""The staff roles every install has: the groups' names, for code that checks membership.

What each group may do is granted by data migrations (they run with historical
models, so they keep their own frozen copy of the permission table:
``hospital_site/migrations/_staff_roles.py`` and ``providers/migrations/0003``).
docs/editor-guide.md describes the roles for staff.
"""

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
DIRECTORY_EDITORS = "Directory editors"
SITE_ADMINISTRATORS = "Site administrators"
