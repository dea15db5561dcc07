"""Small builders for condition pages in tests. Raw StreamField data, published through Wagtail's own API."""

from datetime import date, timedelta

from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from conditions.models import ConditionIndexPage, ConditionPage

EMERGENCY, URGENT, ROUTINE = "emergency", "urgent", "routine"


def symptom(name, urgency=ROUTINE, description=""):
    return {"name": name, "urgency": urgency, "description": description}


def symptoms_block(items, heading="Symptoms", intro=""):
    return {"type": "symptoms", "value": {"heading": heading, "intro": intro, "symptoms": items}}


def section_block(heading, html="<p>Some plain words.</p>"):
    return {"type": "section", "value": {"heading": heading, "body": html}}


def causes_block(items, heading="What causes it?"):
    return {
        "type": "causes",
        "value": {"heading": heading, "causes": [{"name": name, "explanation": text} for name, text in items]},
    }


def risk_factors_block(names, heading="Risk factors", note=""):
    return {
        "type": "risk_factors",
        "value": {"heading": heading, "risk_factors": [{"name": n, "explanation": ""} for n in names], "note": note},
    }


def actions_block(actions, heading="What you can do"):
    return {
        "type": "what_you_can_do",
        "value": {"heading": heading, "actions": [{"action": a, "detail": ""} for a in actions]},
    }


def questions_block(items, heading="Questions parents ask"):
    return {
        "type": "questions",
        "value": {"heading": heading, "questions": [{"question": q, "answer": a} for q, a in items]},
    }


def source(title="Childhood ALL (PDQ®)", publisher="National Cancer Institute", published="", checked=None):
    """A complete source: publisher, title, address and the day it was checked (a month ago by default)."""
    checked = checked or timezone.localdate() - timedelta(days=30)
    return {
        "publisher": publisher,
        "title": title,
        "url": "https://www.cancer.gov/types/leukemia",
        "published": published,
        "date_checked": checked.isoformat(),
    }


NO_SOURCE = {"publisher": "", "title": "", "url": "", "published": "", "date_checked": None}


def sources_block(titles, heading="Sources"):
    return {"type": "sources", "value": {"heading": heading, "sources": [source(t) for t in titles]}}


def key_facts(facts, heading="Key facts"):
    """The key facts field: ``facts`` are strings, or (fact, topic, source) tuples."""
    items = [fact if isinstance(fact, tuple) else (fact, "general", None) for fact in facts]
    return [
        {
            "type": "key_facts",
            "value": {
                "heading": heading,
                "facts": [{"fact": f, "topic": topic, "source": cited or NO_SOURCE} for f, topic, cited in items],
            },
        }
    ]


def medical_tests_block(names, heading="How it is diagnosed"):
    return {
        "type": "tests",
        "value": {
            "heading": heading,
            "intro": "",
            "tests": [
                {"name": name, "also_called": "", "description": f"What {name} shows.", "what_to_expect": ""}
                for name in names
            ],
        },
    }


def treatment_phases_block(phases, heading="How it is treated", note=""):
    """``phases`` are (name, duration) pairs; a phase with a duration gets a source."""
    return {
        "type": "treatment_phases",
        "value": {
            "heading": heading,
            "intro": "",
            "phases": [
                {
                    "name": name,
                    "duration": duration,
                    "description": f"What happens in {name}.",
                    "source": source() if duration else NO_SOURCE,
                }
                for name, duration in phases
            ],
            "note": note,
        },
    }


def side_effects_block(names, treatment="Chemotherapy", heading="Common side effects"):
    return {
        "type": "side_effects",
        "value": {
            "heading": heading,
            "treatment": treatment,
            "intro": "",
            "side_effects": [{"name": name, "detail": ""} for name in names],
        },
    }


def when_to_call_block(signs, do_not=(), heading="When to call right away"):
    """``signs`` are (sign, call_911) pairs."""
    return {
        "type": "when_to_call",
        "value": {
            "heading": heading,
            "intro": "",
            "signs": [
                {"sign": sign, "detail": "", "call": "call_911" if call_911 else "care_team"}
                for sign, call_911 in signs
            ],
            "do_not": list(do_not),
            "source": NO_SOURCE,
        },
    }


def questions_to_ask_block(questions, heading="Questions to ask the care team"):
    return {"type": "questions_to_ask", "value": {"heading": heading, "intro": "", "questions": list(questions)}}


def glossary_block(terms, heading="Words you may hear"):
    """``terms`` are (word, meaning) pairs."""
    return {
        "type": "glossary",
        "value": {
            "heading": heading,
            "terms": [{"term": term, "also_called": "", "definition": meaning} for term, meaning in terms],
        },
    }


def care_callout_block(urgency, heading, text):
    return {"type": "care_callout", "value": {"urgency": urgency, "heading": heading, "text": text}}


def call_to_action_block(heading="Call us", text="", phone="", link_text="", link_url=""):
    return {
        "type": "call_to_action",
        "value": {"heading": heading, "text": text, "phone": phone, "link_text": link_text, "link_url": link_url},
    }


def image_block(image, alt_text="A drawing of blood cells", caption=""):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": caption}}


def make_image(title="Blood cells", colour="red"):
    """A small real image in the image library."""
    return get_image_model().objects.create(title=title, file=get_test_image_file(colour=colour, size=(40, 30)))


ALL_SYMPTOMS = [
    symptom("Severe nosebleeds", EMERGENCY, "Nosebleeds that won't stop."),
    symptom("Shortness of breath", EMERGENCY),
    symptom("Fever", URGENT),
    symptom("Bleeding gums", URGENT),
    symptom("Frequent infections", URGENT),
    symptom("Bone pain", URGENT),
    symptom("Lumps in the neck or groin", URGENT),
    symptom("Pale skin", ROUTINE),
    symptom("Loss of appetite", ROUTINE),
    symptom("Weight loss", ROUTINE),
    symptom("Tiredness", ROUTINE),
]
ALL_RISK_FACTORS = [
    "Earlier cancer treatment",
    "Exposure to radiation",
    "Genetic conditions such as Down syndrome",
    "A brother or sister with ALL",
]
ALL_ACTIONS = [
    "Tell your child's doctor about changes",
    "Follow the treatment plan",
    "Ask about clinical trials",
]


def all_body():
    """A body shaped like the ALL page: symptoms listed routine-first on purpose, to prove the page reorders them."""
    return [
        symptoms_block(list(reversed(ALL_SYMPTOMS))),
        section_block("What is ALL?", "<p>A cancer of the blood.</p>"),
        causes_block([("Changes in DNA", "Doctors don't know why they happen.")]),
        risk_factors_block(ALL_RISK_FACTORS, note="Many children have no known risk factor."),
        actions_block(ALL_ACTIONS),
        questions_block([("Can ALL be treated?", "<p>Yes.</p>")]),
        sources_block(["A trusted source"]),
    ]


def condition_index(parent, title="Conditions A–Z", slug="conditions"):
    """The published A–Z index under ``parent`` (the home page)."""
    index = ConditionIndexPage(title=title, slug=slug, live=False)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def condition_page(index, title="Acute Lymphoblastic Leukemia", publish=True, **fields):
    """A condition page under ``index``, reviewed a month ago and due in eleven months unless told otherwise."""
    last_reviewed = fields.pop("last_reviewed", timezone.localdate() - timedelta(days=30))
    defaults = {
        "slug": fields.pop("slug", None) or title.lower().replace(" ", "-"),
        "alternate_names": "",
        "summary": f"{title} in plain words.",
        "body": [section_block("What is it?")],
        "reviewer_name": "Test Reviewer",
        "reviewer_credentials": "MD",
        "last_reviewed": last_reviewed,
        "next_review_due": last_reviewed + timedelta(days=365),
    }
    defaults.update(fields)
    page = ConditionPage(title=title, live=False, **defaults)
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def all_page(index, **fields):
    """The ALL page as a test needs it: 11 symptoms, 4 risk factors, 3 actions, a phone call to action."""
    defaults = {
        "slug": "acute-lymphoblastic-leukemia",
        "alternate_names": "acute lymphocytic leukemia, ALL",
        "summary": "ALL is the most common leukemia in children.",
        "call_to_action": [call_to_action_block("Talk to our experts", phone="(562) 728-5000")],
        "body": all_body(),
        "last_reviewed": date(2025, 3, 3),
        "next_review_due": date(2026, 3, 3),
        "reviewer_name": "Maria Lopez",
        "reviewer_credentials": "MD",
    }
    defaults.update(fields)
    return condition_page(index, "Acute Lymphoblastic Leukemia", **defaults)
