"""Condition pages: the A–Z index, ``ConditionPage`` and its StreamField blocks, medical review.

May import: ``base``. Never ``providers`` or anything above: a condition page
shows its doctors through the ``doctors_who_treat`` template tag that providers
registers (docs/architecture.md, enforced by ``make lint``).
"""
