"""The Spanish ALL page: each piece of the English demo page's text (as wagtail-localize extracts it) → Spanish.

Written by us for parents from Mexico and Central America: usted, short
sentences, everyday words ("médula ósea, la parte blanda y esponjosa de adentro
de los huesos"), the same facts, urgency levels and sources as the English page.
Not machine output. DEMO CONTENT: a qualified medical translator and a
Spanish-speaking clinician must review it before launch (docs/spanish.md).

The sources keep their English titles (they are English documents) and say so.
"""

ALL_WORDS = {
    # Names and summary
    "Acute Lymphoblastic Leukemia": "Leucemia linfoblástica aguda",
    "acute lymphocytic leukemia, ALL": "leucemia linfocítica aguda, LLA, ALL",
    "ALL is a cancer of the blood. It is the most common kind of leukemia in children. It most often starts between "
    "ages 2 and 5. Of all childhood leukemias, it is the one doctors treat with the most success.": (
        "La LLA es un cáncer de la sangre. Es el tipo de leucemia más común en los niños. Casi siempre empieza entre "
        "los 2 y los 5 años. De todas las leucemias de los niños, es la que los médicos tratan con más éxito."
    ),
    # Who to call
    "Talk to our experts": "Hable con nuestros expertos",
    "Our doctors care for children with blood diseases and cancer (pediatric hematology and oncology). To learn more "
    "about them or to make an appointment, call our cancer center.": (
        "Nuestros médicos atienden a niños con enfermedades de la sangre y cáncer (hematología y oncología "
        "pediátrica). Para saber más de ellos o para hacer una cita, llame a nuestro centro de cáncer."
    ),
    "Find a doctor who treats ALL": "Buscar un médico que trate la LLA",
    "/find-a-doctor/?condition=acute-lymphoblastic-leukemia": (
        "/es/find-a-doctor/?condition=acute-lymphoblastic-leukemia"
    ),
    # Symptoms (the urgency of each comes from the English page)
    "Symptoms": "Síntomas",
    "Some of these signs can also come from common illnesses that are not serious.": (
        "Algunas de estas señales también pueden venir de enfermedades comunes que no son graves."
    ),
    "Severe nosebleeds or bleeding that won't stop": "Sangrado fuerte de la nariz o sangrado que no para",
    "Press firmly on the soft part of the nose. If the bleeding does not stop, call 911. If nosebleeds happen often, "
    "call your child's doctor today.": (
        "Apriete con firmeza la parte blanda de la nariz. Si el sangrado no para, llame al 911. Si le sangra la nariz "
        "seguido, llame hoy al médico de su hijo."
    ),
    "Trouble breathing or shortness of breath": "Le cuesta respirar o le falta el aire",
    "Your child is breathing fast or hard, or cannot catch their breath.": (
        "Su hijo respira rápido o con mucho esfuerzo, o no puede recuperar el aire."
    ),
    "Fever": "Fiebre",
    "A temperature of 100.4°F (38°C) or higher. If your child is already getting cancer treatment, call the care team "
    "right away, day or night.": (
        "Una temperatura de 100.4 °F (38 °C) o más. Si su hijo ya recibe tratamiento para el cáncer, llame de "
        "inmediato al equipo que lo atiende, de día o de noche."
    ),
    "Bleeding gums": "Le sangran las encías",
    "Gums that bleed, for example when your child brushes their teeth.": (
        "Encías que sangran, por ejemplo cuando su hijo se lava los dientes."
    ),
    "Infections that keep coming back": "Infecciones que regresan una y otra vez",
    "Your child gets sick often, or infections take a long time to go away.": (
        "Su hijo se enferma seguido, o las infecciones tardan mucho en quitarse."
    ),
    "Bone pain": "Dolor de huesos",
    "Pain in the bones or joints. A young child may limp or not want to walk.": (
        "Dolor en los huesos o en las articulaciones. Un niño pequeño puede cojear o no querer caminar."
    ),
    "Lumps in the neck, underarms, belly (stomach) or groin": (
        "Bolitas en el cuello, las axilas, la panza (el estómago) o la ingle"
    ),
    "These are often swollen glands (lymph nodes). They may not hurt.": (
        "Muchas veces son ganglios inflamados (ganglios linfáticos). Puede que no duelan."
    ),
    "Pale skin": "Piel pálida",
    "This can be a sign of anemia, which means too few red blood cells.": (
        "Puede ser una señal de anemia, que quiere decir que hay muy pocos glóbulos rojos."
    ),
    "Tiredness (fatigue)": "Cansancio (fatiga)",
    "Your child seems very tired or weak most of the time.": "Su hijo se ve muy cansado o débil casi todo el tiempo.",
    "Loss of appetite": "Falta de hambre",
    "Your child does not want to eat as much as usual.": "Su hijo no quiere comer tanto como siempre.",
    "Weight loss": "Pérdida de peso",
    "Your child loses weight without trying.": "Su hijo baja de peso sin razón.",
    # What it is
    "What is acute lymphoblastic leukemia?": "¿Qué es la leucemia linfoblástica aguda?",
    "Leukemia is a cancer of the blood cells. It starts in the bone marrow. This is the soft, spongy part inside bones "
    "where blood cells are made.": (
        "La leucemia es un cáncer de las células de la sangre. Empieza en la médula ósea. Es la parte blanda y "
        "esponjosa de adentro de los huesos, donde se hacen las células de la sangre."
    ),
    "Healthy bone marrow makes three kinds of blood cells:": (
        "La médula ósea sana hace tres tipos de células de la sangre:"
    ),
    "<b>White blood cells</b> fight infection.": "<b>Los glóbulos blancos</b> combaten las infecciones.",
    "<b>Red blood cells</b> carry oxygen to every part of the body.": (
        "<b>Los glóbulos rojos</b> llevan oxígeno a todas las partes del cuerpo."
    ),
    "<b>Platelets</b> help the blood clot, so bleeding stops.": (
        "<b>Las plaquetas</b> ayudan a que la sangre se cuaje, para que el sangrado pare."
    ),
    "When a child has leukemia, the bone marrow makes white blood cells that are not normal. These cells grow fast, "
    "and they do not stop growing the way healthy cells do. They cannot fight infection. Over time, they crowd out the "
    "healthy blood cells the body needs. This can cause:": (
        "Cuando un niño tiene leucemia, la médula ósea hace glóbulos blancos que no son normales. Estas células "
        "crecen rápido y no dejan de crecer como lo hacen las células sanas. No pueden combatir las infecciones. "
        "Con el tiempo, les quitan el lugar a las células sanas que el cuerpo necesita. Esto puede causar:"
    ),
    "<b>Anemia</b>: too few red blood cells. This can make a child pale and tired.": (
        "<b>Anemia</b>: muy pocos glóbulos rojos. Esto puede hacer que el niño se vea pálido y cansado."
    ),
    "<b>Bleeding and bruising</b>, because there are too few platelets.": (
        "<b>Sangrados y moretones</b>, porque hay muy pocas plaquetas."
    ),
    "<b>Infections</b>, because there are too few healthy white blood cells.": (
        "<b>Infecciones</b>, porque hay muy pocos glóbulos blancos sanos."
    ),
    "How ALL is different": "En qué es diferente la LLA",
    "ALL is the most common kind of leukemia in children. It usually affects children between 2 and 5 years old.": (
        "La LLA es el tipo de leucemia más común en los niños. Casi siempre les da a niños de entre 2 y 5 años."
    ),
    "In ALL, the bone marrow makes huge numbers of young white blood cells, far more than the body needs. These cells "
    "crowd out the other, healthy cells.": (
        "En la LLA, la médula ósea hace muchísimos glóbulos blancos jóvenes, muchos más de los que el cuerpo "
        "necesita. Estas células les quitan el lugar a las otras células, las sanas."
    ),
    "There are many subtypes of ALL. This is one reason treatment is not the same for every child.": (
        "Hay muchos subtipos de LLA. Por eso, entre otras razones, el tratamiento no es igual para todos los niños."
    ),
    "Of all the kinds of leukemia that children get, ALL is the one doctors treat with the most success.": (
        "De todos los tipos de leucemia que les dan a los niños, la LLA es la que los médicos tratan con más éxito."
    ),
    # Causes
    "What causes ALL?": "¿Qué causa la LLA?",
    "Changes in DNA": "Cambios en el ADN",
    "DNA is the set of instructions inside each cell. In ALL, changes in this code (mutations) cause problems with how "
    "blood cells are made and how they grow. Doctors do not yet know why these changes happen.": (
        "El ADN son las instrucciones que hay dentro de cada célula. En la LLA, unos cambios en estas instrucciones "
        "(mutaciones) causan problemas en cómo se hacen y cómo crecen las células de la sangre. Los médicos todavía "
        "no saben por qué pasan estos cambios."
    ),
    # Risk factors
    "What makes ALL more likely?": "¿Qué hace más probable la LLA?",
    "Treatment for an earlier cancer": "Haber recibido tratamiento por otro cáncer antes",
    "Being exposed to radiation": "Haber estado expuesto a la radiación",
    "Certain genetic conditions, such as Down syndrome": "Algunas condiciones genéticas, como el síndrome de Down",
    "These are conditions a child is born with.": "Son condiciones con las que el niño nace.",
    "A brother or sister with ALL": "Tener un hermano o una hermana con LLA",
    "Many children who get ALL have none of these risk factors.": (
        "Muchos niños que tienen LLA no tienen ninguno de estos factores de riesgo."
    ),
    # What you can do
    "What you can do": "Lo que usted puede hacer",
    "Tell your child's doctor about any changes you notice": "Dígale al médico de su hijo cualquier cambio que note",
    "This includes new symptoms and changes in how your child acts or feels.": (
        "Esto incluye síntomas nuevos y cambios en cómo se porta o cómo se siente su hijo."
    ),
    "Follow the treatment plan carefully": "Siga el plan de tratamiento con cuidado",
    "Do each step just as the care team explains. Ask them if anything is not clear.": (
        "Haga cada paso tal como le explica el equipo médico. Pregúnteles si algo no le queda claro."
    ),
    "Ask whether a clinical trial is right for your child": "Pregunte si un ensayo clínico es bueno para su hijo",
    "A clinical trial is a research study. Some trials offer new medicines.": (
        "Un ensayo clínico es un estudio de investigación. Algunos ensayos ofrecen medicinas nuevas."
    ),
    # Questions
    "Questions parents ask": "Preguntas de los padres",
    "Why is my child's treatment different from another child's?": (
        "¿Por qué el tratamiento de mi hijo es diferente al de otro niño?"
    ),
    "ALL has many subtypes. Treatment depends on the type your child has. Your child's care team will explain the "
    "plan for your child.": (
        "La LLA tiene muchos subtipos. El tratamiento depende del tipo que tenga su hijo. El equipo médico de su hijo "
        "le explicará el plan para él."
    ),
    "Can ALL be treated?": "¿La LLA tiene tratamiento?",
    "Yes. Of all childhood leukemias, ALL is the one doctors treat with the most success. Your child's care team will "
    "talk with you about what to expect.": (
        "Sí. De todas las leucemias de los niños, la LLA es la que los médicos tratan con más éxito. El equipo médico "
        "de su hijo hablará con usted sobre lo que puede esperar."
    ),
    # Sources: English documents, named as they are and said to be in English.
    "Sources": "Fuentes",
    "Acute Lymphoblastic Leukemia (ALL)": "Acute Lymphoblastic Leukemia (ALL) (en inglés)",
    "Miller Children's &amp; Women's Hospital Long Beach": "Miller Children's &amp; Women's Hospital Long Beach",
    "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version": (
        "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version (en inglés)"
    ),
    "National Cancer Institute": "Instituto Nacional del Cáncer (National Cancer Institute)",
}
