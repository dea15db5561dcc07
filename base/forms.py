"""Admin forms the site customises."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Wagtail's image form with the description required: it is the image's alt text.

    Wagtail 8 uses an image's ``description`` as its default alt text. A parent
    using a screen reader hears it, so no image enters the library without one.
    Set as ``WAGTAILIMAGES_IMAGE_FORM_BASE``, it applies to single uploads, the
    multiple uploader and the chooser's upload tab alike.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Description (alt text)")
            field.help_text = _(
                "Describe the image for people who cannot see it, for example 'A nurse checks a child's "
                "temperature'. Screen readers read this aloud."
            )
