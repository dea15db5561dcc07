"""Demo content: the Conditions A–Z index, the ALL page and a few more conditions.

Used by ``manage.py load_demo_content``. Idempotent: a page that already exists
is left exactly as an editor left it; only missing pages are created and
published. The ALL page carries every fact of the hospital's current page
(shared/seed/all-condition-page.txt), rewritten in plain words. Reviewers are
marked as demo data: a clinician must review real pages before launch.
"""

from datetime import timedelta

from django.utils import timezone

from base.models import HomePage

from .choices import Urgency
from .models import ConditionIndexPage, ConditionPage, find_a_doctor_url

INDEX_SLUG = "conditions"
INDEX_TITLE = "Conditions A–Z"
INDEX_INTRO = (
    "Plain-language guides to the blood disorders and cancers our experts treat. "
    "Each one says which symptoms need a call to 911 and who to call for an appointment."
)
DEMO_REVIEWER = {"reviewer_name": "Demo Reviewer", "reviewer_credentials": "MD (demo data)"}

EMERGENCY, URGENT, ROUTINE = Urgency.EMERGENCY.value, Urgency.URGENT.value, Urgency.ROUTINE.value


def symptom(name, urgency, description=""):
    """Raw data for one SymptomBlock."""
    return {"name": name, "urgency": urgency, "description": description}


def symptoms(items, heading="Symptoms", intro=""):
    return {"type": "symptoms", "value": {"heading": heading, "intro": intro, "symptoms": items}}


def section(heading, html):
    return {"type": "section", "value": {"heading": heading, "body": html}}


def causes(heading, items):
    return {"type": "causes", "value": {"heading": heading, "causes": items}}


def risk_factors(heading, items, note=""):
    return {"type": "risk_factors", "value": {"heading": heading, "risk_factors": items, "note": note}}


def actions(items, heading="What you can do"):
    return {
        "type": "what_you_can_do",
        "value": {"heading": heading, "actions": [{"action": action, "detail": detail} for action, detail in items]},
    }


def questions(items, heading="Questions parents ask"):
    return {
        "type": "questions",
        "value": {"heading": heading, "questions": [{"question": q, "answer": a} for q, a in items]},
    }


def sources(items, heading="Sources"):
    return {"type": "sources", "value": {"heading": heading, "sources": items}}


def care_callout(urgency, heading, text):
    return {"type": "care_callout", "value": {"urgency": urgency, "heading": heading, "text": text}}


def call_to_action(heading, text, link_text="", link_url=""):
    """A call to action with no phone of its own: the cancer center's number comes from Site settings."""
    return [
        {
            "type": "call_to_action",
            "value": {"heading": heading, "text": text, "phone": "", "link_text": link_text, "link_url": link_url},
        }
    ]


ALL_SLUG = "acute-lymphoblastic-leukemia"

ACUTE_LYMPHOBLASTIC_LEUKEMIA = {
    "title": "Acute Lymphoblastic Leukemia",
    "slug": ALL_SLUG,
    "alternate_names": "acute lymphocytic leukemia, ALL",
    "summary": (
        "ALL is a cancer of the blood. It is the most common kind of leukemia in children. "
        "It most often starts between ages 2 and 5. Of all childhood leukemias, it is the one "
        "doctors treat with the most success."
    ),
    "call_to_action": call_to_action(
        "Talk to our experts",
        "Our doctors care for children with blood diseases and cancer (pediatric hematology and oncology). "
        "To learn more about them or to make an appointment, call our cancer center.",
        "Find a doctor who treats ALL",
        find_a_doctor_url(ALL_SLUG),
    ),
    "body": [
        symptoms(
            [
                symptom(
                    "Severe nosebleeds or bleeding that won't stop",
                    EMERGENCY,
                    "Press firmly on the soft part of the nose. If the bleeding does not stop, call 911. "
                    "If nosebleeds happen often, call your child's doctor today.",
                ),
                symptom(
                    "Trouble breathing or shortness of breath",
                    EMERGENCY,
                    "Your child is breathing fast or hard, or cannot catch their breath.",
                ),
                symptom(
                    "Fever",
                    URGENT,
                    "A temperature of 100.4°F (38°C) or higher. If your child is already getting cancer treatment, "
                    "call the care team right away, day or night.",
                ),
                symptom("Bleeding gums", URGENT, "Gums that bleed, for example when your child brushes their teeth."),
                symptom(
                    "Infections that keep coming back",
                    URGENT,
                    "Your child gets sick often, or infections take a long time to go away.",
                ),
                symptom(
                    "Bone pain", URGENT, "Pain in the bones or joints. A young child may limp or not want to walk."
                ),
                symptom(
                    "Lumps in the neck, underarms, belly (stomach) or groin",
                    URGENT,
                    "These are often swollen glands (lymph nodes). They may not hurt.",
                ),
                symptom("Pale skin", ROUTINE, "This can be a sign of anemia, which means too few red blood cells."),
                symptom("Tiredness (fatigue)", ROUTINE, "Your child seems very tired or weak most of the time."),
                symptom("Loss of appetite", ROUTINE, "Your child does not want to eat as much as usual."),
                symptom("Weight loss", ROUTINE, "Your child loses weight without trying."),
            ],
            intro="Some of these signs can also come from common illnesses that are not serious.",
        ),
        section(
            "What is acute lymphoblastic leukemia?",
            "<p>Leukemia is a cancer of the blood cells. It starts in the bone marrow. "
            "This is the soft, spongy part inside bones where blood cells are made.</p>"
            "<p>Healthy bone marrow makes three kinds of blood cells:</p>"
            "<ul><li><b>White blood cells</b> fight infection.</li>"
            "<li><b>Red blood cells</b> carry oxygen to every part of the body.</li>"
            "<li><b>Platelets</b> help the blood clot, so bleeding stops.</li></ul>"
            "<p>When a child has leukemia, the bone marrow makes white blood cells that are not normal. "
            "These cells grow fast, and they do not stop growing the way healthy cells do. "
            "They cannot fight infection. Over time, they crowd out the healthy blood cells the body needs. "
            "This can cause:</p>"
            "<ul><li><b>Anemia</b>: too few red blood cells. This can make a child pale and tired.</li>"
            "<li><b>Bleeding and bruising</b>, because there are too few platelets.</li>"
            "<li><b>Infections</b>, because there are too few healthy white blood cells.</li></ul>"
            "<h3>How ALL is different</h3>"
            "<p>ALL is the most common kind of leukemia in children. It usually affects children "
            "between 2 and 5 years old.</p>"
            "<p>In ALL, the bone marrow makes huge numbers of young white blood cells, far more than the "
            "body needs. These cells crowd out the other, healthy cells.</p>"
            "<p>There are many subtypes of ALL. This is one reason treatment is not the same for every child.</p>"
            "<p>Of all the kinds of leukemia that children get, ALL is the one doctors treat with the most "
            "success.</p>",
        ),
        causes(
            "What causes ALL?",
            [
                {
                    "name": "Changes in DNA",
                    "explanation": (
                        "DNA is the set of instructions inside each cell. In ALL, changes in this code "
                        "(mutations) cause problems with how blood cells are made and how they grow. "
                        "Doctors do not yet know why these changes happen."
                    ),
                }
            ],
        ),
        risk_factors(
            "What makes ALL more likely?",
            [
                {"name": "Treatment for an earlier cancer", "explanation": ""},
                {"name": "Being exposed to radiation", "explanation": ""},
                {
                    "name": "Certain genetic conditions, such as Down syndrome",
                    "explanation": "These are conditions a child is born with.",
                },
                {"name": "A brother or sister with ALL", "explanation": ""},
            ],
            note="Many children who get ALL have none of these risk factors.",
        ),
        actions(
            [
                (
                    "Tell your child's doctor about any changes you notice",
                    "This includes new symptoms and changes in how your child acts or feels.",
                ),
                (
                    "Follow the treatment plan carefully",
                    "Do each step just as the care team explains. Ask them if anything is not clear.",
                ),
                (
                    "Ask whether a clinical trial is right for your child",
                    "A clinical trial is a research study. Some trials offer new medicines.",
                ),
            ]
        ),
        questions(
            [
                (
                    "Why is my child's treatment different from another child's?",
                    "<p>ALL has many subtypes. Treatment depends on the type your child has. "
                    "Your child's care team will explain the plan for your child.</p>",
                ),
                (
                    "Can ALL be treated?",
                    "<p>Yes. Of all childhood leukemias, ALL is the one doctors treat with the most success. "
                    "Your child's care team will talk with you about what to expect.</p>",
                ),
            ]
        ),
        sources(
            [
                {
                    "title": "Acute Lymphoblastic Leukemia (ALL)",
                    "publisher": "Miller Children's & Women's Hospital Long Beach",
                    "url": "",
                },
                {
                    "title": "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version",
                    "publisher": "National Cancer Institute",
                    "url": "https://www.cancer.gov/types/leukemia/patient/child-all-treatment-pdq",
                },
            ]
        ),
    ],
}

ACUTE_MYELOID_LEUKEMIA = {
    "title": "Acute Myeloid Leukemia",
    "slug": "acute-myeloid-leukemia",
    "alternate_names": "acute myelogenous leukemia, acute non-lymphocytic leukemia, AML",
    "summary": (
        "AML is a cancer of the blood and bone marrow. The marrow makes too many young, abnormal blood "
        "cells that crowd out healthy ones. It is less common in children than ALL."
    ),
    "body": [
        symptoms(
            [
                symptom(
                    "Bleeding that won't stop", EMERGENCY, "Press firmly on the spot. If it keeps bleeding, call 911."
                ),
                symptom(
                    "Trouble breathing",
                    EMERGENCY,
                    "Your child is breathing fast or hard, or cannot catch their breath.",
                ),
                symptom(
                    "Fever",
                    URGENT,
                    "A temperature of 100.4°F (38°C) or higher. If your child is already getting cancer treatment, "
                    "call the care team right away, day or night.",
                ),
                symptom("Bruising easily, or tiny red or purple spots on the skin", URGENT),
                symptom("Infections that keep coming back", URGENT),
                symptom("Bone or joint pain", URGENT),
                symptom("Pale skin", ROUTINE, "This can be a sign of anemia, which means too few red blood cells."),
                symptom("Tiredness (fatigue)", ROUTINE),
            ]
        ),
        section(
            "What is acute myeloid leukemia?",
            "<p>AML starts in the bone marrow, where blood cells are made. In AML, the marrow makes large "
            "numbers of young blood cells that do not grow up the normal way. These cells cannot do their jobs. "
            "They crowd out the healthy white blood cells, red blood cells and platelets.</p>"
            "<p>This can lead to infections, anemia (too few red blood cells), and bleeding or bruising.</p>"
            "<p>There are several subtypes of AML. Your child's care team will explain which type your child "
            "has and how it is treated.</p>",
        ),
        risk_factors(
            "What makes AML more likely?",
            [
                {
                    "name": "Certain genetic conditions, such as Down syndrome",
                    "explanation": "These are conditions a child is born with.",
                },
                {"name": "Treatment for an earlier cancer", "explanation": ""},
            ],
            note="Most children who get AML have no known risk factor.",
        ),
        actions(
            [
                ("Tell your child's doctor about any changes you notice", ""),
                ("Follow the treatment plan carefully", "Ask the care team if anything is not clear."),
            ]
        ),
    ],
}

HODGKIN_LYMPHOMA = {
    "title": "Hodgkin Lymphoma",
    "slug": "hodgkin-lymphoma",
    "alternate_names": "Hodgkin disease, Hodgkin's lymphoma",
    "summary": (
        "Hodgkin lymphoma is a cancer of the lymph system, which helps the body fight germs. "
        "In children, it is most common in teenagers. It often starts as a lump in the neck that does not hurt."
    ),
    "body": [
        symptoms(
            [
                symptom(
                    "Trouble breathing",
                    EMERGENCY,
                    "Your child is breathing fast or hard, or cannot catch their breath.",
                ),
                symptom(
                    "Lumps in the neck, underarm or groin that do not hurt",
                    URGENT,
                    "These are swollen lymph nodes (glands) that do not go away.",
                ),
                symptom("Fevers that come and go", ROUTINE),
                symptom("Heavy sweating at night", ROUTINE),
                symptom("Weight loss without trying", ROUTINE),
                symptom("Itchy skin", ROUTINE),
                symptom("Tiredness (fatigue)", ROUTINE),
            ]
        ),
        section(
            "What is Hodgkin lymphoma?",
            "<p>The lymph system is part of the immune system. It includes the lymph nodes (glands), "
            "the spleen and other organs that help fight infection.</p>"
            "<p>In Hodgkin lymphoma, some white blood cells called lymphocytes grow out of control. "
            "They often collect in lymph nodes, which then swell.</p>"
            "<p>To find out if a lump is Hodgkin lymphoma, doctors look at a small piece of it under a "
            "microscope. This is called a biopsy.</p>",
        ),
        actions(
            [
                ("Tell your child's doctor about any lump that does not go away", ""),
                ("Follow the treatment plan carefully", "Ask the care team if anything is not clear."),
            ]
        ),
    ],
}

NEUROBLASTOMA = {
    "title": "Neuroblastoma",
    "slug": "neuroblastoma",
    "alternate_names": "",
    "summary": (
        "Neuroblastoma is a cancer that starts in young nerve cells. It most often begins in the adrenal "
        "glands, which sit on top of the kidneys. It mostly affects babies and young children."
    ),
    "body": [
        symptoms(
            [
                symptom(
                    "Trouble breathing",
                    EMERGENCY,
                    "Your child is breathing fast or hard, or cannot catch their breath.",
                ),
                symptom(
                    "Sudden weakness in the legs or trouble walking",
                    EMERGENCY,
                    "This can happen when a tumor presses on the spinal cord.",
                ),
                symptom("A lump or swelling in the belly", URGENT, "The belly may look full or feel hard."),
                symptom("Bone pain", URGENT, "A young child may limp or not want to walk."),
                symptom("Dark circles like bruises around the eyes, or eyes that bulge", URGENT),
                symptom("Tiredness (fatigue)", ROUTINE),
                symptom("Weight loss without trying", ROUTINE),
            ]
        ),
        section(
            "What is neuroblastoma?",
            "<p>Before birth, a baby has young nerve cells called neuroblasts. Normally they grow into working "
            "nerve cells. In neuroblastoma, some of these cells form a tumor instead.</p>"
            "<p>Neuroblastoma often starts in the adrenal glands. It can also start in nerve tissue near the "
            "spine, in the chest, belly, neck or pelvis.</p>"
            "<p>Some neuroblastomas grow slowly and need little or no treatment. Others grow fast. "
            "Your child's care team will explain what kind your child has.</p>",
        ),
        actions(
            [
                ("Tell your child's doctor about any lump or swelling you notice", ""),
                ("Follow the treatment plan carefully", "Ask the care team if anything is not clear."),
            ]
        ),
    ],
}

SICKLE_CELL_DISEASE = {
    "title": "Sickle Cell Disease",
    "slug": "sickle-cell-disease",
    "alternate_names": "sickle cell anemia, SCD",
    "summary": (
        "Sickle cell disease is a blood disorder a child is born with. Red blood cells become hard and "
        "curved like a sickle. They can block blood flow and cause pain, infections and other problems."
    ),
    "body": [
        care_callout(
            EMERGENCY,
            "A fever is an emergency",
            "Children with sickle cell disease can get very sick from an infection, very fast. If your child has "
            "a fever, go to the emergency room right away. Call 911 if your child seems very sick.",
        ),
        symptoms(
            [
                symptom("Fever", EMERGENCY, "A fever can be a sign of a serious infection."),
                symptom("Trouble breathing or chest pain", EMERGENCY),
                symptom(
                    "Signs of a stroke",
                    EMERGENCY,
                    "Weakness on one side of the body, a drooping face, trouble speaking or seeing, "
                    "a seizure, or a very bad headache.",
                ),
                symptom(
                    "A belly that suddenly gets bigger",
                    EMERGENCY,
                    "Especially with pale skin, weakness or unusual sleepiness.",
                ),
                symptom(
                    "Pain that does not get better with medicine at home",
                    URGENT,
                    "Pain can happen in the arms, legs, chest, back or belly.",
                ),
                symptom("Swollen, painful hands or feet", URGENT, "This is common in babies and toddlers."),
                symptom("Yellow skin or eyes", ROUTINE, "Tell the care team if it is new or worse than usual."),
                symptom("Tiredness (fatigue)", ROUTINE),
            ]
        ),
        section(
            "What is sickle cell disease?",
            "<p>Red blood cells carry oxygen through the body. Healthy red blood cells are round and soft, "
            "so they move easily through small blood vessels.</p>"
            "<p>In sickle cell disease, red blood cells can become hard, sticky and shaped like a crescent, "
            "or sickle. These cells can get stuck and block blood flow. This causes pain and can harm organs.</p>"
            "<p>Sickle cells also die early, so the body has too few red blood cells. This is called anemia.</p>"
            "<p>In the United States, every newborn baby is tested for sickle cell disease.</p>",
        ),
        causes(
            "What causes sickle cell disease?",
            [
                {
                    "name": "Changed hemoglobin genes from both parents",
                    "explanation": (
                        "Hemoglobin is the part of red blood cells that carries oxygen. A child with sickle cell "
                        "disease gets a changed hemoglobin gene from each parent. It is not contagious."
                    ),
                }
            ],
        ),
        actions(
            [
                (
                    "Give medicines exactly as prescribed",
                    "Young children often take an antibiotic (penicillin) every day to prevent infections.",
                ),
                ("Help your child drink plenty of fluids", ""),
                ("Keep your child's vaccines up to date", ""),
                ("Check your child's temperature when they seem sick", ""),
            ]
        ),
    ],
}

HEMOPHILIA = {
    "title": "Hemophilia",
    "slug": "hemophilia",
    "alternate_names": "hemophilia A, hemophilia B, factor VIII deficiency, factor IX deficiency",
    "summary": (
        "Hemophilia is a bleeding disorder a child is born with. The blood does not have enough of a "
        "clotting factor, so bleeding lasts longer than normal. It mostly affects boys."
    ),
    "body": [
        symptoms(
            [
                symptom(
                    "A hit to the head",
                    EMERGENCY,
                    "Even if your child seems fine. Bleeding inside the head can start slowly.",
                ),
                symptom(
                    "Signs of bleeding in the head",
                    EMERGENCY,
                    "A bad headache, throwing up, being very sleepy or confused, or a seizure.",
                ),
                symptom(
                    "Bleeding that won't stop", EMERGENCY, "Press firmly on the spot. If it keeps bleeding, call 911."
                ),
                symptom(
                    "Joint pain, swelling or warmth",
                    URGENT,
                    "Or your child does not want to use an arm or leg. This can be bleeding into a joint.",
                ),
                symptom("Blood in pee or poop", URGENT),
                symptom("Bruising easily", ROUTINE, "Large bruises, or bruises from small bumps."),
                symptom("Nosebleeds that happen often", ROUTINE),
            ]
        ),
        section(
            "What is hemophilia?",
            "<p>When a child gets a cut or a bump, the blood forms a clot to stop the bleeding. "
            "Clotting needs proteins called clotting factors.</p>"
            "<p>Children with hemophilia do not have enough of one clotting factor. In hemophilia A, it is "
            "factor VIII (8). In hemophilia B, it is factor IX (9). Without enough of it, bleeding lasts longer "
            "than normal. Bleeding can also happen inside the body, such as in joints and muscles.</p>"
            "<p>Hemophilia is passed down in families, and it mostly affects boys. Sometimes a child has "
            "hemophilia even though no one else in the family does.</p>",
        ),
        actions(
            [
                ("Learn the signs of a bleed and treat it early", "Your care team will show you what to look for."),
                ("Tell every doctor, dentist and school nurse that your child has hemophilia", ""),
                (
                    "Ask the care team before giving any medicine for pain or fever",
                    "Some medicines, such as aspirin and ibuprofen, can make bleeding worse.",
                ),
            ]
        ),
    ],
}

# (page data, days since the last review). Hemophilia's review falls due within 30 days,
# so the "Medical reviews due" report has something to show in a demo.
CONDITIONS = [
    (ACUTE_LYMPHOBLASTIC_LEUKEMIA, 30),
    (ACUTE_MYELOID_LEUKEMIA, 30),
    (HODGKIN_LYMPHOMA, 30),
    (NEUROBLASTOMA, 30),
    (SICKLE_CELL_DISEASE, 30),
    (HEMOPHILIA, 350),
]


def load_condition_index():
    """Create and publish /conditions/ under the home page, unless it exists."""
    index = ConditionIndexPage.objects.filter(locale__language_code="en").first()
    if index is not None:
        return index
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py migrate` first.")
    index = ConditionIndexPage(
        title=INDEX_TITLE,
        slug=INDEX_SLUG,
        intro=INDEX_INTRO,
        search_description=INDEX_INTRO,
        show_in_menus=True,
        live=False,
    )
    home.add_child(instance=index)
    index.save_revision(log_action=True).publish()
    return index


def load_condition_page(index, data, days_since_review):
    """Create and publish one condition page under ``index``, unless a page with its slug exists there."""
    if index.get_children().filter(slug=data["slug"]).exists():
        return None
    last_reviewed = timezone.localdate() - timedelta(days=days_since_review)
    page = ConditionPage(
        **data,
        **DEMO_REVIEWER,
        last_reviewed=last_reviewed,
        next_review_due=last_reviewed + timedelta(days=365),
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page


def load_condition_pages():
    """The Conditions A–Z index and every demo condition page."""
    index = load_condition_index()
    for data, days_since_review in CONDITIONS:
        load_condition_page(index, data, days_since_review)
    return index
