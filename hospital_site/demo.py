"""Demo content for a first run: the site settings and the home page text.

Used by ``manage.py load_demo_content``. Every function here is idempotent:
it fills in what is missing and never overwrites what an editor changed.
Later apps add their own ``load_demo_*`` steps to the command.
"""

from base.models import HomePage, SiteSettings

# From the hospital's current ALL page (shared/seed/all-condition-page.txt).
CANCER_CENTER_NAME = "Jonathan Jaques Children's Cancer Center at Miller Children's"
CANCER_CENTER_PHONE = "(562) 728-5000"

# The hospital's public name, main number and street address. These are not
# in the seed page; the hospital should confirm them before launch.
HOSPITAL_NAME = "Miller Children's & Women's Hospital Long Beach"
MAIN_PHONE = "(562) 933-5437"
ADDRESS = {"street_address": "2801 Atlantic Avenue", "city": "Long Beach", "state": "CA", "postal_code": "90806"}

HOME_INTRO = (
    "Care for children with cancer and blood disorders. Read about your child's condition, find a doctor, or call us."
)


def _fill_blank(instance, values):
    """Set each field that is still blank or at its model default. Returns the names changed."""
    changed = []
    for name, value in values.items():
        field = instance._meta.get_field(name)
        current = getattr(instance, name)
        if (current in ("", None) or current == field.get_default()) and current != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def load_site_settings():
    """Fill the site settings with the hospital's names, phones and address."""
    site_settings = SiteSettings.load()
    changed = _fill_blank(
        site_settings,
        {
            "hospital_name": HOSPITAL_NAME,
            "main_phone": MAIN_PHONE,
            "cancer_center_name": CANCER_CENTER_NAME,
            "cancer_center_phone": CANCER_CENTER_PHONE,
            **ADDRESS,
        },
    )
    if changed:
        site_settings.save(update_fields=changed)
    return site_settings


CANCER_CENTER_NAME_ES = "Centro de Cáncer Infantil Jonathan Jaques en Miller Children's"
LANGUAGE_ASSISTANCE = (
    "<p>Language help is free. We give you a medical interpreter in your language for every visit and every call, "
    "day or night, and sign language interpreters too. We can read our papers to you or translate them. Ask any "
    "staff member, or call our main number.</p>"
)
LANGUAGE_ASSISTANCE_ES = (
    "<p>La ayuda con el idioma es gratis. Le damos un intérprete médico en su idioma en cada consulta y en cada "
    "llamada, de día o de noche. También tenemos intérpretes de lengua de señas. Podemos leerle nuestros "
    "documentos o traducirlos. Pídalo a cualquier persona del personal o llame a nuestro número principal.</p>"
)
# The taglines ACA Section 1557 asks for, in the state's most used languages. The demo has English and
# Spanish; before launch staff add the others from HHS's translated sample taglines (docs/spanish.md).
# Both demo taglines are the developers' paraphrase of HHS's sample, not HHS's wording: replace them with
# HHS's text, checked against its document, before launch.
TAGLINES = [
    {
        "language": "en",
        "language_name": "English",
        "text": "ATTENTION: Free language help is available to you. Call (562) 933-5437.",
    },
    {
        "language": "es",
        "language_name": "Español",
        "text": "ATENCIÓN: Tiene a su disposición ayuda gratis con el idioma. Llame al (562) 933-5437.",
    },
]
HOME_WORDS_ES = {
    "Home": "Inicio",
    "home": "inicio",
    HOME_INTRO: (
        "Atención para niños con cáncer y enfermedades de la sangre. Lea sobre la enfermedad de su hijo, "
        "busque un médico o llámenos."
    ),
}


def load_spanish_site_settings():
    """The Spanish words of the site settings parents read, and the language-assistance notice."""
    site_settings = SiteSettings.load()
    changed = _fill_blank(
        site_settings,
        {
            "cancer_center_name_es": CANCER_CENTER_NAME_ES,
            "language_assistance": LANGUAGE_ASSISTANCE,
            "language_assistance_es": LANGUAGE_ASSISTANCE_ES,
        },
    )
    if not site_settings.language_taglines:
        site_settings.language_taglines = [("tagline", tagline) for tagline in TAGLINES]
        changed.append("language_taglines")
    if changed:
        site_settings.save(update_fields=changed)
    return site_settings


def load_spanish_pages():
    """The Spanish home page, then the Spanish conditions pages (conditions.demo_spanish)."""
    from conditions.demo_spanish import load_spanish_condition_pages, translate_page

    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is not None:
        translate_page(home, HOME_WORDS_ES)
    load_spanish_condition_pages()


def load_home_page():
    """Give the home page its title and introduction, publishing once."""
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py migrate` first.")
    changed = _fill_blank(home, {"intro": HOME_INTRO})
    if changed or not home.live or home.has_unpublished_changes:
        home.save_revision(log_action=True).publish()
    return home


# Search terms an editor pins to the ALL page: ALL is by far the most common
# childhood leukemia, so a parent typing "leukemia" most likely means it.
ALL_PAGE_PROMOTIONS = {
    "leukemia": "The most common cancer in children. Signs to watch for, and when to call 911.",
    "blood cancer": "The most common cancer in children. Signs to watch for, and when to call 911.",
}


# The same, on the Spanish search page.
ALL_PAGE_PROMOTIONS_ES = {
    "leucemia": "El cáncer más común en los niños. Señales de alarma y cuándo llamar al 911.",
    "cáncer de la sangre": "El cáncer más común en los niños. Señales de alarma y cuándo llamar al 911.",
}


def load_search_promotions():
    """Pin the ALL page for the words parents use most, as an editor would in Promoted search results.

    A term that already has any promotion is left alone: it is the editor's.
    """
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from conditions.demo import ALL_SLUG
    from conditions.models import ConditionPage

    all_page = ConditionPage.objects.english().filter(slug=ALL_SLUG).first()
    if all_page is None:
        return
    pins = [(term, description, all_page) for term, description in ALL_PAGE_PROMOTIONS.items()]
    spanish = all_page.get_translations().filter(locale__language_code="es", live=True).first()
    if spanish is not None:
        pins += [(term, description, spanish) for term, description in ALL_PAGE_PROMOTIONS_ES.items()]
    for term, description, page in pins:
        query = Query.get(term)
        if not query.editors_picks.exists():
            SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=0)
