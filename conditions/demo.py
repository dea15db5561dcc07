"""Demo content: the Conditions A–Z index, the ALL page and a few more conditions.

Used by ``manage.py load_demo_content``. Idempotent: a page that already exists
is left exactly as an editor left it; only missing pages are created and
published. The ALL page carries every fact of the hospital's current page
(shared/seed/all-condition-page.txt), rewritten in plain words. Reviewers are
marked as demo data: a clinician must review real pages before launch.
"""

from datetime import date, timedelta

from django.utils import timezone

from base.models import HomePage

from .choices import CallFor, KeyFactTopic, Urgency
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


def causes(heading, items, note=""):
    return {"type": "causes", "value": {"heading": heading, "causes": items, "note": note}}


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


def source(publisher, title, url, published="", checked=None):
    """Raw data for one SourceBlock (also the "Source" of a fact, a phase or a section)."""
    return {
        "publisher": publisher,
        "title": title,
        "url": url,
        "published": published,
        "date_checked": (checked or SOURCES_CHECKED).isoformat(),
    }


NO_SOURCE = {"publisher": "", "title": "", "url": "", "published": "", "date_checked": None}


def key_facts(items, heading="Key facts"):
    """The key facts box: ``items`` are (fact, topic, source or None)."""
    return [
        {
            "type": "key_facts",
            "value": {
                "heading": heading,
                "facts": [{"fact": fact, "topic": topic, "source": cited or NO_SOURCE} for fact, topic, cited in items],
            },
        }
    ]


def sourced_section(heading, html, cited):
    return {"type": "section", "value": {"heading": heading, "body": html, "source": cited}}


def medical_tests(items, heading, intro="", cited=None):
    """``items`` are (name, also called, what it is, what your child may feel)."""
    return {
        "type": "tests",
        "value": {
            "heading": heading,
            "intro": intro,
            "tests": [
                {"name": name, "also_called": aka, "description": text, "what_to_expect": expect}
                for name, aka, text, expect in items
            ],
            "source": cited or NO_SOURCE,
        },
    }


def treatment_phases(items, heading, intro="", note=""):
    """``items`` are (name, how long, what happens, source or None)."""
    return {
        "type": "treatment_phases",
        "value": {
            "heading": heading,
            "intro": intro,
            "phases": [
                {"name": name, "duration": duration, "description": text, "source": cited or NO_SOURCE}
                for name, duration, text, cited in items
            ],
            "note": note,
        },
    }


def side_effects(treatment, items, heading="Common side effects", intro="", cited=None):
    return {
        "type": "side_effects",
        "value": {
            "heading": heading,
            "treatment": treatment,
            "intro": intro,
            "side_effects": [{"name": name, "detail": detail} for name, detail in items],
            "source": cited or NO_SOURCE,
        },
    }


def when_to_call(signs, do_not=(), heading="When to call right away", intro="", cited=None):
    """``signs`` are (sign, detail, call_911)."""
    return {
        "type": "when_to_call",
        "value": {
            "heading": heading,
            "intro": intro,
            "signs": [
                {"sign": sign, "detail": detail, "call": CallFor.CALL_911 if call_911 else CallFor.CARE_TEAM}
                for sign, detail, call_911 in signs
            ],
            "do_not": list(do_not),
            "source": cited or NO_SOURCE,
        },
    }


def questions_to_ask(items, heading="Questions to ask the care team", intro=""):
    return {"type": "questions_to_ask", "value": {"heading": heading, "intro": intro, "questions": list(items)}}


def glossary(items, heading="Words you may hear"):
    """``items`` are (word, also called, meaning)."""
    return {
        "type": "glossary",
        "value": {
            "heading": heading,
            "terms": [{"term": term, "also_called": aka, "definition": text} for term, aka, text in items],
        },
    }


# --- Sources -----------------------------------------------------------------------------------
# Checked against the publishers' pages on this date; a clinician re-checks them at each review.
SOURCES_CHECKED = date(2026, 12, 7)

NCI_ALL = source(
    "National Cancer Institute",
    "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version",
    "https://www.cancer.gov/types/leukemia/patient/child-all-treatment-pdq",
)
ACS_ALL_TREATMENT = source(
    "American Cancer Society",
    "Treatment of Children With Acute Lymphocytic Leukemia (ALL)",
    "https://www.cancer.org/cancer/types/leukemia-in-children/treating/children-with-all.html",
)
ACS_RISK_FACTORS = source(
    "American Cancer Society",
    "Risk Factors for Childhood Leukemias",
    "https://www.cancer.org/cancer/types/leukemia-in-children/causes-risks-prevention/risk-factors.html",
)
CANCER_NET_ALL_STATISTICS = source(
    "Cancer.Net",
    "Leukemia - Acute Lymphoblastic - ALL - Childhood: Statistics",
    "https://www.cancer.net/cancer-types/leukemia-acute-lymphoblastic-all-childhood/statistics",
    published="November 2022",
)
ACS_CHEMOTHERAPY = source(
    "American Cancer Society",
    "Chemotherapy for Childhood Leukemia",
    "https://www.cancer.org/cancer/types/leukemia-in-children/treating/chemotherapy.html",
)
COG_FEVER = source("Children's Oncology Group", "Fever", "https://childrensoncologygroup.org/fever")
# States the 100.4°F (38°C) threshold and that fever during chemotherapy is an emergency; the COG page
# above leaves the number to each hospital.
ONCOLINK_FEVER = source(
    "OncoLink (Penn Medicine)",
    "Neutropenic Fever",
    "https://www.oncolink.org/cancer-treatment/hospital-helpers/oncologic-emergencies/neutropenic-fever",
    published="July 2024",
)
CDC_SCD_FEVER = source(
    "Centers for Disease Control and Prevention",
    "Complications of SCD: Fever",
    "https://www.cdc.gov/sickle-cell/complications/fever.html",
)
NCI_LATE_EFFECTS = source(
    "National Cancer Institute",
    "Late Effects of Treatment for Childhood Cancer (PDQ®), Patient Version",
    "https://www.cancer.gov/types/childhood-cancers/late-effects-pdq",
)
NCI_AML = source(
    "National Cancer Institute",
    "Childhood Acute Myeloid Leukemia/Other Myeloid Malignancies Treatment (PDQ®), Patient Version",
    "https://www.cancer.gov/types/leukemia/patient/child-aml-treatment-pdq",
)
NCI_HODGKIN = source(
    "National Cancer Institute",
    "Childhood Hodgkin Lymphoma Treatment (PDQ®), Patient Version",
    "https://www.cancer.gov/types/lymphoma/patient/child-hodgkin-treatment-pdq",
)
NCI_NEUROBLASTOMA = source(
    "National Cancer Institute",
    "Neuroblastoma Treatment (PDQ®), Patient Version",
    "https://www.cancer.gov/types/neuroblastoma/patient/neuroblastoma-treatment-pdq",
)
NHLBI_SICKLE_CELL = source(
    "National Heart, Lung, and Blood Institute",
    "Sickle Cell Disease",
    "https://www.nhlbi.nih.gov/health/sickle-cell-disease",
)
NHLBI_HEMOPHILIA = source(
    "National Heart, Lung, and Blood Institute",
    "Hemophilia",
    "https://www.nhlbi.nih.gov/health/hemophilia",
)
COG_FOLLOW_UP = source(
    "Children's Oncology Group",
    "Long-Term Follow-Up Guidelines for Survivors of Childhood, Adolescent, and Young Adult Cancers",
    "https://www.survivorshipguidelines.org/",
)

# --- What every child on cancer treatment's parents should know about a fever tonight -----------
# The fever threshold is the one our care team uses (100.4°F / 38°C, as OncoLink and the CDC give it);
# other centers use 101°F once or 100.4°F for an hour, and some a lower number under the arm. The page
# says so; a clinician must confirm the number before launch.
FEVER_SIGN = (
    "A fever: a temperature of 100.4°F (38°C) or higher",
    "This is the number our care team uses. Other hospitals may use a slightly different number. Always "
    "follow what your child's team tells you. Take the temperature by mouth or under the arm. "
    "Call even if your child seems fine.",
    False,
)
ON_TREATMENT_SIGNS = [
    ("Trouble breathing", "Breathing is fast or hard, or the lips look blue or gray.", True),
    ("A seizure, or your child is very hard to wake up", "", True),
    (
        "Sudden weakness on one side of the body, a drooping face, or trouble talking or seeing",
        "These can be signs of a stroke.",
        True,
    ),
    ("Bleeding that will not stop, even when you press firmly on it", "", True),
    FEVER_SIGN,
    (
        "Chills or shaking",
        "This can happen soon after a central line is flushed. It can be a sign of infection.",
        False,
    ),
    ("New bruises, a nosebleed, or tiny red or purple spots on the skin", "These can mean platelets are low.", False),
    (
        "Contact with someone who has chickenpox, shingles or measles",
        "Call even if your child has no signs. Medicine given soon may help.",
        False,
    ),
    ("Throwing up, or not able to drink or keep medicine down", "", False),
    ("Bad belly pain", "Pain that is new or does not go away, with or without throwing up.", False),
    ("Blood in pee or poop, black poop, or throwing up blood", "", False),
    ("Diarrhea, or no poop for several days", "Some chemo medicines can make poop very hard.", False),
    ("Pain or burning when peeing", "", False),
    ("Pain, redness or sores around the bottom", "", False),
    ("Pain, swelling or redness in an arm or a leg", "This can be a sign of a blood clot.", False),
    ("Yellow skin or yellow eyes", "", False),
    ("A bad headache, or a stiff neck", "", False),
    (
        "Redness, swelling, pain or fluid where the central line or port goes in",
        "Also call if the line is broken or leaking.",
        False,
    ),
    ("Mouth sores that keep your child from eating or drinking", "", False),
    ("Peeing much less than usual", "This can mean your child needs more fluids.", False),
]
BEFORE_YOU_CALL_DO_NOT = [
    "Do not give medicine for fever or pain, such as acetaminophen (Tylenol), unless the care team told you to. "
    "It can hide a fever.",
    "Do not give ibuprofen (Advil, Motrin) or aspirin. They make bleeding more likely.",
    "Do not put anything in your child's bottom: no thermometer, suppository or enema. It can cause bleeding or "
    "infection.",
    "Do not wait for morning or for the clinic to open.",
]
ON_TREATMENT_INTRO = (
    "During treatment, an infection or bleeding can get serious fast. Keep a thermometer at home. "
    "Keep our 24-hour number where you can find it."
)
FEVER_FACT = (
    "During treatment, a fever is an emergency. Call the care team right away, day or night.",
    KeyFactTopic.GENERAL,
    None,
)


def on_treatment_box(signs=ON_TREATMENT_SIGNS, heading="When to call right away during treatment"):
    """The "call right away" box every condition treated with chemotherapy shares."""
    return when_to_call(signs, BEFORE_YOU_CALL_DO_NOT, heading=heading, intro=ON_TREATMENT_INTRO, cited=ONCOLINK_FEVER)


ALL_SLUG = "acute-lymphoblastic-leukemia"

ACUTE_LYMPHOBLASTIC_LEUKEMIA = {
    "title": "Acute Lymphoblastic Leukemia",
    "slug": ALL_SLUG,
    "alternate_names": "acute lymphocytic leukemia, ALL",
    "summary": (
        "ALL is a cancer of the blood. It is the most common kind of leukemia in children, and it most "
        "often starts in young children. Of all childhood leukemias, it is the one doctors treat with "
        "the most success."
    ),
    "key_facts": key_facts(
        [
            (
                "ALL is the most common cancer in children. About 3 in 4 children and teens who get leukemia have ALL.",
                KeyFactTopic.HOW_COMMON,
                CANCER_NET_ALL_STATISTICS,
            ),
            (
                "Most children with ALL are cured. Of children ages 0 to 14, 92 in 100 are alive 5 years later.",
                KeyFactTopic.OUTLOOK,
                CANCER_NET_ALL_STATISTICS,
            ),
            (
                "Treatment most often lasts about 2 to 3 years. The first months are the hardest.",
                KeyFactTopic.GENERAL,
                ACS_ALL_TREATMENT,
            ),
            (
                "Nothing you did or did not do caused it. It is not contagious: no one can catch it.",
                KeyFactTopic.GENERAL,
                None,
            ),
            FEVER_FACT,
        ]
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
                    "A temperature above normal. If your child is already getting cancer treatment, call the care "
                    "team right away, day or night.",
                ),
                symptom("Bleeding gums", URGENT, "Gums that bleed, for example when your child brushes their teeth."),
                symptom(
                    "Bruising easily, or tiny red or purple spots on the skin",
                    URGENT,
                    "The tiny spots are called petechiae (say pe-TEE-kee-eye). They come from bleeding under the skin.",
                ),
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
                symptom(
                    "Pain or a full feeling in the belly, below the ribs",
                    ROUTINE,
                    "Leukemia cells can make the liver or spleen bigger.",
                ),
            ],
            intro="Some of these signs can also come from common illnesses that are not serious.",
        ),
        sourced_section(
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
            "body needs. These young cells are called blasts. They never grow up into cells that work. "
            "They crowd out the other, healthy cells.</p>"
            "<p>There are many subtypes of ALL. This is one reason treatment is not the same for every child.</p>"
            "<p>Of all the kinds of leukemia that children get, ALL is the one doctors treat with the most "
            "success.</p>",
            CANCER_NET_ALL_STATISTICS,
        ),
        medical_tests(
            [
                (
                    "Blood count",
                    "complete blood count, CBC",
                    "A blood test that counts the red cells, white cells and platelets. "
                    "The lab also looks at the cells with a microscope to look for blasts.",
                    "A needle takes a little blood from a vein or a fingertip.",
                ),
                (
                    "Bone marrow test",
                    "bone marrow aspiration and biopsy",
                    "A doctor takes a small sample of bone marrow, most often from the back of the hip bone. "
                    "This test shows for sure if a child has leukemia.",
                    "Your child gets medicine to sleep or to numb the spot, so it does not hurt while it is done. "
                    "The spot may be sore for a day or two.",
                ),
                (
                    "Tests on the leukemia cells",
                    "flow cytometry, chromosome and gene tests",
                    "The lab studies the leukemia cells from the blood or bone marrow. One test shows if ALL "
                    "started in B cells or T cells, two kinds of white blood cells. Other tests look for changes "
                    "in the cells' chromosomes and genes. The results help choose the best treatment.",
                    "These use the samples your child already gave. There is no new needle.",
                ),
                (
                    "Spinal tap",
                    "lumbar puncture, LP",
                    "A thin needle in the low back takes a little of the fluid around the brain and spinal cord. "
                    "The lab checks it for leukemia cells. The doctor may also put chemotherapy (cancer medicine) "
                    "into the fluid at the same time.",
                    "Your child lies curled up on their side. Most children get medicine to sleep or to numb the "
                    "back first.",
                ),
                (
                    "Chest x-ray",
                    "",
                    "A picture of the inside of the chest. It shows if leukemia cells have made a lump in the "
                    "middle of the chest, which can make breathing hard.",
                    "It takes a few seconds and does not hurt.",
                ),
            ],
            heading="How ALL is diagnosed",
            intro="Doctors use these tests to find ALL and learn what kind it is. Your child may not need all of them.",
            cited=NCI_ALL,
        ),
        sourced_section(
            "Risk groups, not stages",
            "<p>Many cancers get a stage, which tells how far they have spread. ALL is different. It is in the "
            "blood and bone marrow from the start, so it has no stages. Instead, doctors put each child in a "
            "<b>risk group</b>. The risk group tells how strong treatment needs to be. Risk groups have names "
            "like standard risk, high risk and very high risk.</p>"
            "<p>What decides the risk group:</p>"
            "<ul><li>Your child's age when ALL is found.</li>"
            "<li>The white blood cell count when ALL is found.</li>"
            "<li>Whether ALL started in B cells or T cells.</li>"
            "<li>Changes in the chromosomes or genes of the leukemia cells.</li>"
            "<li>Whether there are leukemia cells in the fluid around the brain and spinal cord.</li>"
            "<li>How well the first month of treatment works. A very fine test looks for leukemia cells too "
            "few to see with a microscope. This is called MRD, short for minimal residual disease.</li></ul>"
            "<p>Children in a higher risk group get stronger treatment. It does not mean they cannot be cured. "
            "Ask the care team which risk group your child is in, and why.</p>",
            NCI_ALL,
        ),
        treatment_phases(
            [
                (
                    "Induction",
                    "About 4 weeks",
                    "The goal of this first phase is remission. Remission means leukemia cells can no longer be "
                    "seen in the bone marrow with a microscope, and blood counts get better. More than 95 in 100 "
                    "children with ALL are in remission after induction. This month is hard. Your child may stay "
                    "in the hospital for part of it.",
                    ACS_ALL_TREATMENT,
                ),
                (
                    "Consolidation and intensification",
                    "A few months. It depends on the risk group.",
                    "Treatment goes on after remission to kill leukemia cells that tests cannot find. "
                    "Children in a higher risk group get stronger medicine in this phase.",
                    NCI_ALL,
                ),
                (
                    "Maintenance",
                    "The longest phase. All of treatment adds up to about 2 to 3 years.",
                    "Your child takes chemo pills at home, most often every day, and visits the clinic for "
                    "checkups and more medicine. The doses are lower. Many children can go back to school. "
                    "Every dose counts: missing doses makes it more likely that ALL comes back.",
                    ACS_ALL_TREATMENT,
                ),
            ],
            heading="How ALL is treated",
            intro=(
                "The main treatment is chemotherapy, or chemo. Chemo is medicine that kills cancer cells. "
                "Steroids are strong medicines that help kill leukemia cells too. Chemo is "
                "given by mouth, into a vein, as a shot into a muscle, and into the fluid around the spinal cord. "
                "Most children get a central line: a soft tube in a large vein, so medicine can go in without a "
                "new needle each time. A port is a kind of central line that sits under the skin. Treatment comes "
                "in phases."
            ),
            note=(
                "<p><b>Keeping leukemia out of the brain and spinal cord.</b> Leukemia cells can hide in the fluid "
                "around the brain and spinal cord, where many medicines do not reach. So all through treatment, "
                "children get chemo put right into this fluid during spinal taps. A few children also need "
                "radiation to the head.</p>"
                "<p><b>Remission is not the same as cure.</b> Remission means leukemia cannot be seen with a "
                "microscope. But a few cells may still hide in the body. That is why treatment goes on for a long "
                "time after remission.</p>"
                "<p><b>If ALL comes back.</b> When leukemia comes back, it is called a relapse. It can still be "
                "treated, with stronger chemo, a stem cell transplant or newer kinds of treatment. In a stem cell "
                "transplant, healthy blood-forming cells from a donor grow into new bone marrow. The care team "
                "will explain the choices.</p>"
            ),
        ),
        sourced_section(
            "Clinical trials",
            "<p>A clinical trial is a research study. It tests ways to make treatment work better or cause "
            "fewer side effects. Cancer in children is rare, so doctors learn the most when many hospitals "
            "study it together. Many children with ALL are treated in a clinical trial.</p>"
            "<p>In the United States, most trials for children are run by the <b>Children's Oncology Group</b>, "
            "or COG. It is a large group of children's hospitals and cancer centers that do research "
            "together.</p>"
            "<p>In a trial, your child gets the best treatment known today, or a new treatment that doctors think "
            "may be better. Taking part is your choice, and you can stop at any time. Ask if there is a trial "
            "for your child.</p>",
            NCI_ALL,
        ),
        sourced_section(
            "What are the chances of a cure?",
            "<p>Most children with ALL are cured. In the United States, 92 out of 100 children ages 0 to 14 "
            "with ALL are alive 5 years after they were found to have it. For teens ages 15 to 19, it is 76 out "
            "of 100.</p>"
            '<p><b>What "5-year survival" means.</b> It is the number of children out of 100 who are alive '
            "5 years after ALL was found. ALL rarely comes back after that long. So a child who is free of "
            "leukemia 5 years after it was found is most often thought of as cured.</p>"
            "<p>These numbers come from children treated years ago. Treatment keeps getting better. The numbers "
            "cannot tell what will happen to your child. The care team knows your child's risk group and can "
            "tell you more.</p>",
            CANCER_NET_ALL_STATISTICS,
        ),
        side_effects(
            "Chemotherapy",
            [
                (
                    "Low blood counts",
                    "Chemo lowers the number of healthy blood cells for a while. When neutrophils, the white cells "
                    "that fight germs, are low, infections are more likely. Low red cells make a child tired and "
                    "pale. Low platelets cause bruises and bleeding. Your child may need a transfusion: blood or "
                    "platelets from a donor, given through a vein.",
                ),
                ("Upset stomach and throwing up", "Medicine can help prevent it. Ask the care team."),
                (
                    "Mouth sores",
                    "Soft foods and gentle tooth brushing help. Call if sores keep your child from eating or drinking.",
                ),
                ("Hair loss", "Hair most often grows back after treatment."),
                ("Feeling tired", "Rest helps, and so does some play and gentle activity when your child can."),
                (
                    "Changes from steroid medicine",
                    "Steroids are strong medicines that help kill leukemia cells. They can make a child very hungry, "
                    "moody or unable to sleep, and can cause weight gain. These changes go away after the steroid "
                    "stops.",
                ),
                (
                    "Tingling, pain or weakness in the hands, feet or jaw",
                    "One chemo medicine, vincristine, can cause this. It can also cause hard poop (constipation). "
                    "Tell the care team.",
                ),
            ],
            heading="Life during treatment: common side effects",
            intro=(
                "Chemo kills cells that grow fast. Some healthy cells grow fast too, so chemo has side effects. "
                "Most go away after treatment. Tell the care team about any side effect. There is often a way "
                "to help."
            ),
            cited=ACS_CHEMOTHERAPY,
        ),
        on_treatment_box(),
        sourced_section(
            "After treatment",
            "<p>When treatment ends, your child still sees the care team for checkups. Visits are close "
            "together at first, then farther apart over the years. The team checks blood counts and looks for "
            "any sign that ALL has come back.</p>"
            "<p><b>Late effects.</b> Some effects of treatment can show up months or years later. These are "
            "called late effects. They can affect the heart, bones, growth, learning, and having children later "
            "in life. A few children get a second cancer later on. Not every child has late effects, and "
            "finding them early helps.</p>"
            "<p><b>Long-term follow-up clinic.</b> Many children's hospitals have a clinic for children who have "
            "finished cancer treatment. It checks for late effects and helps your child stay healthy as they "
            "grow up. Ask the care team for a written summary of your child's treatment. Keep it, and share it "
            "with your child's doctors in the years ahead.</p>",
            NCI_LATE_EFFECTS,
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
            note=(
                "Nothing you did or did not do caused your child's ALL, and you could not have stopped it. "
                "ALL is not contagious. Your child cannot give it to anyone, and no one gave it to your child."
            ),
        ),
        risk_factors(
            "What makes ALL more likely?",
            [
                {"name": "Treatment for an earlier cancer", "explanation": ""},
                {"name": "Being exposed to high levels of radiation", "explanation": ""},
                {
                    "name": "Certain genetic conditions, such as Down syndrome",
                    "explanation": "These are conditions a child is born with.",
                },
                {
                    "name": "A brother or sister with ALL",
                    "explanation": (
                        "Brothers and sisters of a child with leukemia have a slightly higher chance of getting it. "
                        "But the chance is still very small. It is higher for an identical twin."
                    ),
                },
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
        questions_to_ask(
            [
                "What kind of ALL does my child have? What is my child's risk group?",
                "What is the plan for treatment, and how long is each phase?",
                "Is there a clinical trial for my child?",
                "What side effects should we watch for, and what helps?",
                "What temperature counts as a fever for my child, and how should I take it?",
                "Who do we call at night and on weekends?",
                "Can my child go to school or child care? What about shots and pets?",
                "What did the test for leftover leukemia cells (MRD) show after the first month?",
                "Could treatment affect my child's growth, learning, or having children later?",
                "Who can help us with money, travel, school and stress?",
            ],
            intro="Bring these to your next visit. It helps to write down the answers.",
        ),
        section(
            "Support for your family",
            "<p>You do not have to do this alone. The care team has people who help the whole family:</p>"
            "<ul><li><b>Social workers</b> help with stress, money, insurance, travel and time off work.</li>"
            "<li><b>Child life specialists</b> use play and simple words to help children understand tests and "
            "treatment. They help brothers and sisters too.</li>"
            "<li><b>Psychologists</b> help children and parents cope with hard feelings.</li>"
            "<li><b>Hospital teachers</b> and your child's school help your child keep up with school. Ask "
            "about a school plan.</li></ul>"
            "<p>Brothers and sisters may feel scared, left out or jealous. These feelings are normal. Tell them "
            "what is going on in words they understand.</p>"
            "<p>Take care of yourself too. Rest when you can, and let family and friends help.</p>",
        ),
        questions(
            [
                (
                    "Why is my child's treatment different from another child's?",
                    "<p>ALL has many subtypes, and each child has a risk group. Treatment depends on both. "
                    "Your child's care team will explain the plan for your child.</p>",
                ),
                (
                    "Can ALL be treated?",
                    "<p>Yes. Of all childhood leukemias, ALL is the one doctors treat with the most success. "
                    "Your child's care team will talk with you about what to expect.</p>",
                ),
                (
                    "Can my child go to school during treatment?",
                    "<p>Often, yes, for much of treatment. In the hardest phases your child may need to stay "
                    "home. The care team will tell you when it is safe, and the school can make a plan to "
                    "help.</p>",
                ),
            ]
        ),
        glossary(
            [
                ("Blast", "", "A young blood cell that is not grown up. In ALL, the marrow makes too many blasts."),
                ("Bone marrow", "", "The soft, spongy part inside bones where blood cells are made."),
                ("Chemotherapy", "chemo", "Medicine that kills cancer cells."),
                (
                    "Central line",
                    "",
                    "A soft tube put in a large vein, so medicine can go in and blood can be taken without a new "
                    "needle each time.",
                ),
                ("Clinical trial", "", "A research study that tests ways to make treatment better."),
                (
                    "MRD",
                    "minimal residual disease",
                    "Leukemia cells left after treatment that are too few to see with a microscope. A very fine "
                    "test looks for them.",
                ),
                (
                    "Neutrophils",
                    "",
                    "White blood cells that fight germs. The ANC is the count of them. When it is low, infections "
                    "are more likely.",
                ),
                (
                    "Petechiae",
                    "",
                    "Tiny red or purple spots on the skin from bleeding under the skin. They can mean platelets "
                    "are low.",
                ),
                ("Platelets", "", "Blood cells that help blood clot, so bleeding stops."),
                (
                    "Port",
                    "",
                    "A kind of central line that sits under the skin. A needle goes into it to give medicine.",
                ),
                ("Relapse", "", "When leukemia comes back after remission."),
                (
                    "Remission",
                    "",
                    "Leukemia cells can no longer be seen in the bone marrow with a microscope. Remission is not "
                    "the same as cure.",
                ),
                ("Risk group", "", "The group doctors put a child in to plan how strong treatment needs to be."),
                ("Spinal tap", "lumbar puncture", "A thin needle in the low back takes a little of the spinal fluid."),
                (
                    "Stem cell transplant",
                    "bone marrow transplant",
                    "Healthy blood-forming cells, most often from a donor, are given through a vein. They grow into "
                    "new bone marrow.",
                ),
                (
                    "Steroid",
                    "",
                    "A strong medicine, such as prednisone or dexamethasone, that helps kill leukemia cells.",
                ),
                ("Transfusion", "", "Blood or platelets from a donor, given through a vein."),
            ]
        ),
        sources(
            [
                NCI_ALL,
                ACS_ALL_TREATMENT,
                ACS_CHEMOTHERAPY,
                ACS_RISK_FACTORS,
                CANCER_NET_ALL_STATISTICS,
                COG_FEVER,
                ONCOLINK_FEVER,
                NCI_LATE_EFFECTS,
                COG_FOLLOW_UP,
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
    "key_facts": key_facts(
        [
            (
                "AML is less common in children than ALL, the other main kind of leukemia.",
                KeyFactTopic.HOW_COMMON,
                None,
            ),
            (
                "The main treatment is strong chemotherapy. Some children also need a stem cell transplant.",
                KeyFactTopic.GENERAL,
                None,
            ),
            ("Nothing you did caused it. It is not contagious.", KeyFactTopic.GENERAL, None),
            FEVER_FACT,
        ]
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
                    "A temperature above normal. If your child is already getting cancer treatment, call the care "
                    "team right away, day or night.",
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
        on_treatment_box(),
        actions(
            [
                ("Tell your child's doctor about any changes you notice", ""),
                ("Follow the treatment plan carefully", "Ask the care team if anything is not clear."),
            ]
        ),
        sources([NCI_AML, ONCOLINK_FEVER]),
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
    "key_facts": key_facts(
        [
            ("In children, it is most common in teenagers.", KeyFactTopic.HOW_COMMON, None),
            ("Most children and teens with Hodgkin lymphoma are cured.", KeyFactTopic.OUTLOOK, None),
            ("Nothing you did caused it. It is not contagious.", KeyFactTopic.GENERAL, None),
            FEVER_FACT,
        ]
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
        on_treatment_box(),
        actions(
            [
                ("Tell your child's doctor about any lump that does not go away", ""),
                ("Follow the treatment plan carefully", "Ask the care team if anything is not clear."),
            ]
        ),
        sources([NCI_HODGKIN, ONCOLINK_FEVER]),
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
    "key_facts": key_facts(
        [
            ("It is most often found in babies and young children.", KeyFactTopic.HOW_COMMON, None),
            (
                "Some neuroblastomas need little or no treatment. Others need strong treatment.",
                KeyFactTopic.OUTLOOK,
                None,
            ),
            ("Nothing you did caused it. It is not contagious.", KeyFactTopic.GENERAL, None),
            FEVER_FACT,
        ]
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
        on_treatment_box(),
        actions(
            [
                ("Tell your child's doctor about any lump or swelling you notice", ""),
                ("Follow the treatment plan carefully", "Ask the care team if anything is not clear."),
            ]
        ),
        sources([NCI_NEUROBLASTOMA, ONCOLINK_FEVER]),
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
    "key_facts": key_facts(
        [
            (
                "A child gets it from both parents. It is not contagious, and no one can catch it.",
                KeyFactTopic.GENERAL,
                None,
            ),
            ("In the United States, every newborn baby is tested for it.", KeyFactTopic.GENERAL, None),
            (
                "A fever of 101.3°F (38.5°C) or higher is an emergency. Go to the emergency room right away.",
                KeyFactTopic.GENERAL,
                CDC_SCD_FEVER,
            ),
            (
                "Daily medicine (penicillin) and vaccines help keep young children safe from infections.",
                KeyFactTopic.GENERAL,
                None,
            ),
        ]
    ),
    "body": [
        when_to_call(
            [
                (
                    "A fever of 101.3°F (38.5°C) or higher",
                    "Go to the emergency room right away, and call the care team on the way. Tell the staff your "
                    "child has sickle cell disease. Call 911 if your child seems very sick. Other hospitals may "
                    "use a slightly different number: follow what your child's team tells you.",
                    False,
                ),
                ("A cough, or breathing that is faster than usual", "This can be the start of a lung problem.", False),
                ("Pale skin, or your child is much more tired than usual", "", False),
            ],
            [
                "Do not give medicine for fever before you take the temperature. It can hide a fever.",
                "Do not wait to see if the fever goes away.",
            ],
            heading="When to get care right away",
            intro=(
                "Children with sickle cell disease can get very sick from an infection, very fast. A fever may be "
                "the only sign."
            ),
            cited=CDC_SCD_FEVER,
        ),
        symptoms(
            [
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
        sources([NHLBI_SICKLE_CELL, CDC_SCD_FEVER]),
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
    "key_facts": key_facts(
        [
            ("It is a bleeding disorder a child is born with. It mostly affects boys.", KeyFactTopic.GENERAL, None),
            ("Treatment gives the body the clotting factor it is missing.", KeyFactTopic.GENERAL, None),
            (
                "After any hit to the head, get care right away, even if your child seems fine.",
                KeyFactTopic.GENERAL,
                None,
            ),
            ("Ask the care team before giving any medicine for pain or fever.", KeyFactTopic.GENERAL, None),
        ]
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
        sources([NHLBI_HEMOPHILIA]),
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
