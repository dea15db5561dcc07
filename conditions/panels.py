"""Editor panels for condition pages (the dashboard's panel is in ``dashboard.py``)."""

from wagtail.admin.panels import Panel


class ReadingLevelPanel(Panel):
    """Shows the Flesch-Kincaid grade of the summary and body text as last saved, against a 6th-grade target.

    Computed on the server from the saved draft, so it needs no JavaScript and
    updates every time the editor saves.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "conditions/panels/reading_level.html"

        def get_context_data(self, parent_context=None):
            # textstat takes ~135 ms to import: only the editor's page pays for it, not every worker.
            from .readability import reading_level

            context = super().get_context_data(parent_context)
            page = self.instance
            saved = bool(page.pk)
            context["saved"] = saved
            context["level"] = reading_level(page.reading_text()) if saved else None
            return context
