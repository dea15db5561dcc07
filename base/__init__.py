"""The ground every feature app stands on.

Owns: the site settings (``SiteSettings``), the home page, header and footer
navigation, the generation-keyed site cache and its invalidation API
(``base.cache``), phone-number validation, edit-conflict checks, security and
page-cache middleware, the outage page, staff sign-in (2FA, lockout template),
the health check, the sitemap and the shared ``site_tags`` template library.

May import: Django, Wagtail and third-party libraries only; never ``conditions``,
``providers``, ``search`` or ``hospital_site`` (docs/architecture.md, enforced by
``make lint``).
"""
