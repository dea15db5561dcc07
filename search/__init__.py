"""Site search (``/search/``): one box that finds condition pages and doctors.

May import: ``providers``, ``conditions`` and ``base``. Only the project's URLs
import it (docs/architecture.md, enforced by ``make lint``).
"""
