"""A base for the admin's model screens (Find a Doctor, reviewer profiles)."""

from wagtail.admin.viewsets.model import ModelViewSet

from .edit_conflicts import ConflictCheckModelForm


class ConflictCheckedModelViewSet(ModelViewSet):
    """A ModelViewSet whose edit form refuses to overwrite changes saved after it was opened.

    These models have no revisions, so Wagtail's own check (for pages and
    revisioned snippets) does not cover them: see ``ConflictCheckModelForm``.
    A viewset whose form checks more names a subclass of it in ``form_base``.
    """

    form_base = ConflictCheckModelForm

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()  # a fresh copy, bound to the model
        if edit_handler.base_form_class is None:
            edit_handler.base_form_class = self.form_base
        return edit_handler
