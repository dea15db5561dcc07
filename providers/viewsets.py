"""The "Find a Doctor" section of the Wagtail admin: providers, specialties, locations, languages, insurance.

Listing search uses the Django ORM (``search_backend_name = None``), not the
Wagtail search backend: these models are not search-indexed, and restricting
a backend search to fields fails on SQLite (a known modelsearch bug).
"""

import django_filters
from django import forms
from django.contrib import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSetGroup

from base.edit_conflicts import ConflictCheckModelForm
from base.viewsets import ConflictCheckedModelViewSet

from .models import InsurancePlan, Language, Location, Network, Provider, Specialty


class ProviderFilterSet(WagtailFilterSet):
    specialty = django_filters.ModelChoiceFilter(
        field_name="specialties", queryset=Specialty.objects.all(), label="Specialty", distinct=True
    )
    accepting_new_patients = django_filters.BooleanFilter(label="Accepting new patients")
    active = django_filters.BooleanFilter(label="Active (shown to the public)")
    is_demo = django_filters.BooleanFilter(label="Demo profile")

    class Meta:
        model = Provider
        fields = []


class NetworkWarningMixin:
    """After a save, say when the FHIR directory cannot list a provider in a network whose plans they take in part."""

    def save_instance(self):
        instance = super().save_instance()
        for network, missing in instance.networks_partly_taken():
            messages.warning(
                self.request,
                f"{instance} does not take {', '.join(plan.name for plan in missing)}, which uses the "
                f"network {network.name} too. The FHIR directory lists a provider in a network only when "
                f"they take every plan that uses it, so it does not list them in {network.name}. Find a Doctor "
                "and the profile still show every plan ticked. If these plans have different doctors, give each "
                "plan its own network.",
            )
        return instance


class ProviderCreateView(NetworkWarningMixin, CreateView):
    pass


class ProviderEditView(NetworkWarningMixin, EditView):
    pass


class ProviderViewSet(ConflictCheckedModelViewSet):
    model = Provider
    # Admin URLs live under /admin/find-a-doctor/; the namespace must not clash with the public "providers".
    url_prefix = "find-a-doctor/providers"
    url_namespace = "find_a_doctor_providers"
    icon = "user"
    menu_label = "Providers"
    menu_order = 100
    add_to_admin_menu = False
    list_per_page = 50
    ordering = ["last_name", "first_name", "pk"]
    search_fields = ["first_name", "last_name", "npi", "slug"]
    search_backend_name = None
    filterset_class = ProviderFilterSet
    add_view_class = ProviderCreateView
    edit_view_class = ProviderEditView
    list_display = [
        "listing_name",
        "npi",
        "primary_specialty",
        BooleanColumn("accepting_new_patients", label="Accepting new patients"),
        BooleanColumn("active", label="Active"),
        BooleanColumn("is_demo", label="Demo"),
        DateColumn("updated_at", label="Updated", sort_key="updated_at"),
    ]
    list_export = ["npi", "first_name", "last_name", "credentials", "slug", "accepting_new_patients", "active"]
    copy_view_enabled = False
    inspect_view_enabled = True

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
                FieldRowPanel([FieldPanel("credentials"), FieldPanel("gender")]),
                FieldPanel("npi"),
                FieldPanel("slug"),
            ],
            heading="Name and NPI",
        ),
        MultiFieldPanel(
            [
                FieldPanel("primary_specialty"),
                FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
                FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading="What they treat and the languages they speak",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accepting_new_patients"),
                FieldPanel("offers_telehealth"),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldPanel("insurance_plans", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Appointments and insurance",
        ),
        InlinePanel("provider_locations", heading="Locations", label="Location", min_num=1),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading="Photo"),
        MultiFieldPanel(
            [FieldPanel("bio"), FieldPanel("education"), FieldPanel("board_certifications")], heading="About"
        ),
        MultiFieldPanel([FieldPanel("active"), FieldPanel("is_demo")], heading="Visibility"),
    ]


class SpecialtyViewSet(ConflictCheckedModelViewSet):
    model = Specialty
    url_prefix = "find-a-doctor/specialties"
    url_namespace = "find_a_doctor_specialties"
    icon = "tag"
    menu_order = 200
    add_to_admin_menu = False
    search_fields = ["name", "synonyms", "taxonomy_code"]
    search_backend_name = None
    list_display = ["name", "taxonomy_code", "synonyms"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("taxonomy_code"),
        FieldPanel("synonyms"),
        MultiFieldPanel([FieldPanel("name_es"), FieldPanel("synonyms_es")], heading="In Spanish"),
    ]


class LocationViewSet(ConflictCheckedModelViewSet):
    model = Location
    url_prefix = "find-a-doctor/locations"
    url_namespace = "find_a_doctor_locations"
    icon = "site"
    menu_order = 300
    add_to_admin_menu = False
    search_fields = ["name", "street", "city", "zip_code"]
    search_backend_name = None
    list_display = ["name", "city", "zip_code", "phone"]
    list_filter = ["state"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("name_es"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")]),
        FieldPanel("phone"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Map position (optional)"),
        FieldPanel("accessibility_notes"),
        FieldPanel("hours"),
        FieldPanel("insurance_plans", widget=forms.CheckboxSelectMultiple),
    ]


class LanguageViewSet(ConflictCheckedModelViewSet):
    model = Language
    url_prefix = "find-a-doctor/languages"
    url_namespace = "find_a_doctor_languages"
    icon = "globe"
    menu_order = 400
    add_to_admin_menu = False
    search_fields = ["name", "native_name", "code"]
    search_backend_name = None
    list_display = ["name", "native_name", "code"]
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("name_es"), FieldPanel("native_name"), FieldPanel("code")]


class InsurancePlanForm(ConflictCheckModelForm):
    """A plan needs a network: the FHIR directory describes a plan, and who takes it, by its networks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["networks"].error_messages["required"] = (
            "Choose at least one network. The FHIR directory shows which doctors take a plan through its "
            "networks, and leaves out a plan that has none. Add the network under Insurance networks first "
            "if it is not listed."
        )


class InsurancePlanIndexView(IndexView):
    def get_base_queryset(self):
        # The networks column, in one query for the whole page.
        return super().get_base_queryset().prefetch_related("networks")


class InsurancePlanViewSet(ConflictCheckedModelViewSet):
    model = InsurancePlan
    url_prefix = "find-a-doctor/insurance-plans"
    url_namespace = "find_a_doctor_insurance_plans"
    icon = "clipboard-list"
    menu_label = "Insurance plans"
    menu_order = 500
    add_to_admin_menu = False
    search_fields = ["name", "insurer", "slug"]
    search_backend_name = None
    index_view_class = InsurancePlanIndexView
    list_display = ["name", "insurer", "plan_type", "network_names", BooleanColumn("is_demo", label="Demo")]
    list_filter = ["plan_type", "networks"]
    copy_view_enabled = False
    form_base = InsurancePlanForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("insurer"), FieldPanel("plan_type")]),
        FieldPanel("networks", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_demo"),
    ]


class NetworkViewSet(ConflictCheckedModelViewSet):
    model = Network
    url_prefix = "find-a-doctor/networks"
    url_namespace = "find_a_doctor_networks"
    icon = "link"
    menu_label = "Insurance networks"
    menu_order = 600
    add_to_admin_menu = False
    search_fields = ["name", "slug"]
    search_backend_name = None
    list_display = ["name", BooleanColumn("is_demo", label="Demo")]
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("is_demo")]


class FindADoctorViewSetGroup(ModelViewSetGroup):
    """One "Find a Doctor" menu for everything in the directory."""

    menu_label = "Find a Doctor"
    menu_icon = "group"
    menu_order = 250
    items = (ProviderViewSet, SpecialtyViewSet, LocationViewSet, LanguageViewSet, InsurancePlanViewSet, NetworkViewSet)
