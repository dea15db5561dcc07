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
        "La LLA es el tipo de leucemia más común en los niños. Por lo general les da a niños de entre 2 y 5 años."
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
    "Being exposed to high levels of radiation": "Haber estado expuesto a niveles altos de radiación",
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
    "Can ALL be treated?": "¿La LLA tiene tratamiento?",
    "Yes. Of all childhood leukemias, ALL is the one doctors treat with the most success. Your child's care team will "
    "talk with you about what to expect.": (
        "Sí. De todas las leucemias de los niños, la LLA es la que los médicos tratan con más éxito. El equipo médico "
        "de su hijo hablará con usted sobre lo que puede esperar."
    ),
    # Sources: English documents, named as they are and said to be in English.
    "Sources": "Fuentes",
    "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version": (
        "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®), Patient Version (en inglés)"
    ),
    "National Cancer Institute": "Instituto Nacional del Cáncer (National Cancer Institute)",
}

# The page as it grew in issue 14: tests, risk groups, treatment, the chances, side effects,
# when to call, after treatment, questions, support and the glossary.
ALL_WORDS.update(
    {
        "ALL is a cancer of the blood. It is the most common kind of leukemia in children, and it most often starts "
        "in young children. Of all childhood leukemias, it is the one doctors treat with the most success.": (
            "La LLA es un cáncer de la sangre. Es el tipo de leucemia más común en los niños, y por lo general "
            "empieza en niños pequeños. De todas las leucemias de los niños, es la que los médicos tratan con más "
            "éxito."
        ),
        "A temperature above normal. If your child is already getting cancer treatment, call the care team right "
        "away, day or night.": (
            "Una temperatura más alta de lo normal. Si su hijo ya recibe tratamiento para el cáncer, llame de "
            "inmediato al equipo que lo atiende, de día o de noche."
        ),
        "Bruising easily, or tiny red or purple spots on the skin": (
            "Le salen moretones fácilmente, o puntitos rojos o morados en la piel"
        ),
        "The tiny spots are called petechiae (say pe-TEE-kee-eye). They come from bleeding under the skin.": (
            "Los puntitos se llaman petequias. Vienen de un sangrado debajo de la piel."
        ),
        "Pain or a full feeling in the belly, below the ribs": (
            "Dolor o sensación de llenura en la panza, debajo de las costillas"
        ),
        "Leukemia cells can make the liver or spleen bigger.": (
            "Las células de leucemia pueden hacer que el hígado o el bazo crezcan."
        ),
        "In ALL, the bone marrow makes huge numbers of young white blood cells, far more than the body needs. These "
        "young cells are called blasts. They never grow up into cells that work. They crowd out the other, healthy "
        "cells.": (
            "En la LLA, la médula ósea hace muchísimos glóbulos blancos jóvenes, muchos más de los que el cuerpo "
            "necesita. Estas células jóvenes se llaman blastos. Nunca maduran para volverse células que funcionen. "
            "Les quitan el lugar a las otras células, las sanas."
        ),
        "Cancer.Net": "Cancer.Net",
        "Leukemia - Acute Lymphoblastic - ALL - Childhood: Statistics": (
            "Leukemia - Acute Lymphoblastic - ALL - Childhood: Statistics (en inglés)"
        ),
        "November 2022": "noviembre de 2022",
        # Key facts (the box under the 911 signs)
        "Key facts": "Datos clave",
        "ALL is the most common cancer in children. About 3 in 4 children and teens who get leukemia have ALL.": (
            "La LLA es el cáncer más común en los niños. Unos 3 de cada 4 niños y adolescentes que tienen leucemia "
            "tienen LLA."
        ),
        "Most children with ALL are cured. Of children ages 0 to 14, 92 in 100 are alive 5 years later.": (
            "La mayoría de los niños con LLA se curan. De los niños de 0 a 14 años, 92 de cada 100 siguen vivos "
            "5 años después."
        ),
        "Treatment most often lasts about 2 to 3 years. The first months are the hardest.": (
            "El tratamiento suele durar de 2 a 3 años. Los primeros meses son los más difíciles."
        ),
        "Nothing you did or did not do caused it. It is not contagious: no one can catch it.": (
            "Nada de lo que usted hizo o dejó de hacer la causó. No es contagiosa: nadie se la puede pegar."
        ),
        "During treatment, a fever is an emergency. Call the care team right away, day or night.": (
            "Durante el tratamiento, una fiebre es una emergencia. Llame de inmediato al equipo médico, "
            "de día o de noche."
        ),
        # How ALL is diagnosed
        "How ALL is diagnosed": "Cómo se diagnostica la LLA",
        "Doctors use these tests to find ALL and learn what kind it is. Your child may not need all of them.": (
            "Los médicos usan estas pruebas para encontrar la LLA y saber de qué tipo es. Puede que su hijo no "
            "necesite todas."
        ),
        "Blood count": "Conteo de sangre",
        "complete blood count, CBC": "biometría hemática, conteo sanguíneo completo, CBC",
        "A blood test that counts the red cells, white cells and platelets. The lab also looks at the cells with a "
        "microscope to look for blasts.": (
            "Un análisis de sangre que cuenta los glóbulos rojos, los glóbulos blancos y las plaquetas. En el "
            "laboratorio también miran las células con un microscopio para buscar blastos."
        ),
        "A needle takes a little blood from a vein or a fingertip.": (
            "Con una aguja se saca un poco de sangre de una vena o de la punta de un dedo."
        ),
        "Bone marrow test": "Prueba de médula ósea",
        "bone marrow aspiration and biopsy": "aspirado y biopsia de médula ósea",
        "A doctor takes a small sample of bone marrow, most often from the back of the hip bone. This test shows for "
        "sure if a child has leukemia.": (
            "Un médico saca una muestra pequeña de médula ósea, por lo general de la parte de atrás del hueso de la "
            "cadera. Esta prueba muestra con seguridad si un niño tiene leucemia."
        ),
        "Your child gets medicine to sleep or to numb the spot, so it does not hurt while it is done. The spot may be "
        "sore for a day or two.": (
            "A su hijo le dan medicina para dormir o para adormecer la zona, para que no le duela mientras se hace. "
            "La zona puede quedar adolorida uno o dos días."
        ),
        "Tests on the leukemia cells": "Pruebas de las células de leucemia",
        "flow cytometry, chromosome and gene tests": "citometría de flujo, pruebas de cromosomas y de genes",
        "The lab studies the leukemia cells from the blood or bone marrow. One test shows if ALL started in B cells "
        "or T cells, two kinds of white blood cells. Other tests look for changes in the cells' chromosomes and "
        "genes. The results help choose the best treatment.": (
            "En el laboratorio estudian las células de leucemia de la sangre o de la médula ósea. Una prueba muestra "
            "si la LLA empezó en las células B o en las células T, dos tipos de glóbulos blancos. Otras pruebas "
            "buscan cambios en los cromosomas y los genes de las células. Los resultados ayudan a escoger el mejor "
            "tratamiento."
        ),
        "These use the samples your child already gave. There is no new needle.": (
            "Se usan las muestras que ya le sacaron a su hijo. No hace falta otra aguja."
        ),
        "Spinal tap": "Punción lumbar",
        "lumbar puncture, LP": "punción espinal, PL",
        "A thin needle in the low back takes a little of the fluid around the brain and spinal cord. The lab checks "
        "it for leukemia cells. The doctor may also put chemotherapy (cancer medicine) into the fluid at the same "
        "time.": (
            "Con una aguja delgada en la parte baja de la espalda se saca un poco del líquido que rodea el cerebro y "
            "la médula espinal. En el laboratorio buscan células de leucemia en ese líquido. Al mismo tiempo, el "
            "médico puede poner quimioterapia (medicina contra el cáncer) en el líquido."
        ),
        "Your child lies curled up on their side. Most children get medicine to sleep or to numb the back first.": (
            "Su hijo se acuesta de lado, encogido como bolita. A la mayoría de los niños primero les dan medicina "
            "para dormir o para adormecer la espalda."
        ),
        "Chest x-ray": "Radiografía del pecho",
        "A picture of the inside of the chest. It shows if leukemia cells have made a lump in the middle of the "
        "chest, which can make breathing hard.": (
            "Una imagen de adentro del pecho. Muestra si las células de leucemia formaron una bola en el centro del "
            "pecho, que puede hacer difícil respirar."
        ),
        "It takes a few seconds and does not hurt.": "Dura unos segundos y no duele.",
        # Risk groups
        "Risk groups, not stages": "Grupos de riesgo, no etapas",
        "Many cancers get a stage, which tells how far they have spread. ALL is different. It is in the blood and "
        "bone marrow from the start, so it has no stages. Instead, doctors put each child in a <b>risk group</b>. "
        "The risk group tells how strong treatment needs to be. Risk groups have names like standard risk, high "
        "risk and very high risk.": (
            "A muchos cánceres se les da una etapa, que dice qué tanto se han extendido. La LLA es diferente. Está en "
            "la sangre y en la médula ósea desde el principio, así que no tiene etapas. En lugar de eso, los médicos "
            "ponen a cada niño en un <b>grupo de riesgo</b>. El grupo de riesgo dice qué tan fuerte debe ser el "
            "tratamiento. Los grupos de riesgo tienen nombres como riesgo estándar, riesgo alto y riesgo muy alto."
        ),
        "What decides the risk group:": "Lo que decide el grupo de riesgo:",
        "Your child's age when ALL is found.": "La edad de su hijo cuando le encuentran la LLA.",
        "The white blood cell count when ALL is found.": "El conteo de glóbulos blancos cuando le encuentran la LLA.",
        "Whether ALL started in B cells or T cells.": "Si la LLA empezó en las células B o en las células T.",
        "Changes in the chromosomes or genes of the leukemia cells.": (
            "Cambios en los cromosomas o en los genes de las células de leucemia."
        ),
        "Whether there are leukemia cells in the fluid around the brain and spinal cord.": (
            "Si hay células de leucemia en el líquido que rodea el cerebro y la médula espinal."
        ),
        "How well the first month of treatment works. A very fine test looks for leukemia cells too few to see with "
        "a microscope. This is called MRD, short for minimal residual disease.": (
            "Qué tan bien funciona el primer mes de tratamiento. Una prueba muy fina busca células de leucemia que "
            "son tan pocas que no se ven con un microscopio. Esto se llama EMR, que quiere decir enfermedad mínima "
            "residual (en inglés, MRD)."
        ),
        "Children in a higher risk group get stronger treatment. It does not mean they cannot be cured. Ask the care "
        "team which risk group your child is in, and why.": (
            "Los niños en un grupo de riesgo más alto reciben un tratamiento más fuerte. Eso no quiere decir que no "
            "se puedan curar. Pregúntele al equipo médico en qué grupo de riesgo está su hijo, y por qué."
        ),
        # Treatment
        "How ALL is treated": "Cómo se trata la LLA",
        "The main treatment is chemotherapy, or chemo. Chemo is medicine that kills cancer cells. Steroids are "
        "strong medicines that help kill leukemia cells too. Chemo is given by mouth, into a vein, as a shot into a "
        "muscle, and into the fluid around the spinal cord. Most children get a central line: a soft tube in a large "
        "vein, so medicine can go in without a new needle each time. A port is a kind of central line that sits "
        "under the skin. Treatment comes in phases.": (
            "El tratamiento principal es la quimioterapia, o quimio. La quimio es medicina que mata las células del "
            "cáncer. Los esteroides son medicinas fuertes que también ayudan a matar las células de leucemia. La "
            "quimio se da por la boca, por la vena, con una inyección en el músculo y en el líquido que rodea la "
            "médula espinal. A la mayoría de los niños les ponen un catéter central: un tubo suave en una vena "
            "grande, para que la medicina entre sin tener que picarlos con una aguja nueva cada vez. Un puerto es un "
            "tipo de catéter central que queda debajo de la piel. El tratamiento viene en fases."
        ),
        "Induction": "Inducción",
        "About 4 weeks": "Unas 4 semanas",
        "The goal of this first phase is remission. Remission means leukemia cells can no longer be seen in the bone "
        "marrow with a microscope, and blood counts get better. More than 95 in 100 children with ALL are in "
        "remission after induction. This month is hard. Your child may stay in the hospital for part of it.": (
            "La meta de esta primera fase es la remisión. Remisión quiere decir que ya no se ven células de leucemia "
            "en la médula ósea con el microscopio, y los conteos de sangre mejoran. Más de 95 de cada 100 niños con "
            "LLA están en remisión después de la inducción. Este mes es difícil. Puede que su hijo pase parte de él "
            "en el hospital."
        ),
        "American Cancer Society": "Sociedad Americana Contra El Cáncer (American Cancer Society)",
        "Treatment of Children With Acute Lymphocytic Leukemia (ALL)": (
            "Treatment of Children With Acute Lymphocytic Leukemia (ALL) (en inglés)"
        ),
        "Consolidation and intensification": "Consolidación e intensificación",
        "A few months. It depends on the risk group.": "Unos meses. Depende del grupo de riesgo.",
        "Treatment goes on after remission to kill leukemia cells that tests cannot find. Children in a higher risk "
        "group get stronger medicine in this phase.": (
            "El tratamiento sigue después de la remisión para matar las células de leucemia que las pruebas no "
            "pueden encontrar. Los niños en un grupo de riesgo más alto reciben medicina más fuerte en esta fase."
        ),
        "Maintenance": "Mantenimiento",
        "The longest phase. All of treatment adds up to about 2 to 3 years.": (
            "La fase más larga. Todo el tratamiento suma unos 2 a 3 años."
        ),
        "Your child takes chemo pills at home, most often every day, and visits the clinic for checkups and more "
        "medicine. The doses are lower. Many children can go back to school. Every dose counts: missing doses makes "
        "it more likely that ALL comes back.": (
            "Su hijo toma pastillas de quimio en casa, por lo general todos los días, y va a la clínica para "
            "revisiones y más medicina. Las dosis son más bajas. Muchos niños pueden volver a la escuela. Cada "
            "dosis cuenta: si se saltan dosis, es más probable que la LLA regrese."
        ),
        "<b>Keeping leukemia out of the brain and spinal cord.</b> Leukemia cells can hide in the fluid around the "
        "brain and spinal cord, where many medicines do not reach. So all through treatment, children get chemo put "
        "right into this fluid during spinal taps. A few children also need radiation to the head.": (
            "<b>Proteger el cerebro y la médula espinal de la leucemia.</b> Las células de leucemia se pueden "
            "esconder en el líquido que rodea el cerebro y la médula espinal, adonde muchas medicinas no llegan. Por "
            "eso, durante todo el tratamiento, a los niños les ponen quimio directamente en ese líquido durante las "
            "punciones lumbares. Unos pocos niños también necesitan radiación en la cabeza."
        ),
        "<b>Remission is not the same as cure.</b> Remission means leukemia cannot be seen with a microscope. But a "
        "few cells may still hide in the body. That is why treatment goes on for a long time after remission.": (
            "<b>Remisión no es lo mismo que cura.</b> Remisión quiere decir que la leucemia no se ve con el "
            "microscopio. "
            "Pero unas cuantas células todavía pueden estar escondidas en el cuerpo. Por eso el tratamiento sigue "
            "mucho tiempo después de la remisión."
        ),
        "<b>If ALL comes back.</b> When leukemia comes back, it is called a relapse. It can still be treated, with "
        "stronger chemo, a stem cell transplant or newer kinds of treatment. In a stem cell transplant, healthy "
        "blood-forming cells from a donor grow into new bone marrow. The care team will explain the choices.": (
            "<b>Si la LLA regresa.</b> Cuando la leucemia regresa, se llama recaída. Todavía se puede tratar, con "
            "quimio más fuerte, un trasplante de células madre o tratamientos más nuevos. En un trasplante de "
            "células madre, células sanas de un donante, que forman la sangre, crecen y forman médula ósea nueva. "
            "El equipo médico le explicará las opciones."
        ),
        "Clinical trials": "Ensayos clínicos",
        "A clinical trial is a research study. It tests ways to make treatment work better or cause fewer side "
        "effects. Cancer in children is rare, so doctors learn the most when many hospitals study it together. Many "
        "children with ALL are treated in a clinical trial.": (
            "Un ensayo clínico es un estudio de investigación. Prueba maneras de hacer que el tratamiento funcione "
            "mejor o cause menos efectos secundarios. El cáncer en los niños es poco común, así que los médicos "
            "aprenden más cuando muchos hospitales lo estudian juntos. Muchos niños con LLA reciben su tratamiento en "
            "un ensayo clínico."
        ),
        "In the United States, most trials for children are run by the <b>Children's Oncology Group</b>, or COG. It "
        "is a large group of children's hospitals and cancer centers that do research together.": (
            "En los Estados Unidos, la mayoría de los ensayos para niños los hace el <b>Children's Oncology "
            "Group</b>, o COG. Es un grupo grande de hospitales de niños y centros de cáncer que investigan juntos."
        ),
        "In a trial, your child gets the best treatment known today, or a new treatment that doctors think may be "
        "better. Taking part is your choice, and you can stop at any time. Ask if there is a trial for your child.": (
            "En un ensayo, su hijo recibe el mejor tratamiento que se conoce hoy, o un tratamiento nuevo que los "
            "médicos creen que puede ser mejor. Participar es su decisión, y puede dejarlo en cualquier momento. "
            "Pregunte si hay un ensayo para su hijo."
        ),
        # The chances
        "What are the chances of a cure?": "¿Qué probabilidades hay de que se cure?",
        "Most children with ALL are cured. In the United States, 92 out of 100 children ages 0 to 14 with ALL are "
        "alive 5 years after they were found to have it. For teens ages 15 to 19, it is 76 out of 100.": (
            "La mayoría de los niños con LLA se curan. En los Estados Unidos, 92 de cada 100 niños de 0 a 14 años con "
            "LLA están vivos 5 años después de que se la encontraron. En los adolescentes de 15 a 19 años, son 76 de "
            "cada 100."
        ),
        '<b>What "5-year survival" means.</b> It is the number of children out of 100 who are alive 5 years after '
        "ALL was found. ALL rarely comes back after that long. So a child who is free of leukemia 5 years after it "
        "was found is most often thought of as cured.": (
            "<b>Qué quiere decir «supervivencia a 5 años».</b> Es el número de niños, de cada 100, que están vivos "
            "5 años después de que se encontró la LLA. Es raro que la LLA regrese después de tanto tiempo. Por eso, "
            "a un niño que no tiene leucemia 5 años después de que se la encontraron por lo general se le considera "
            "curado."
        ),
        "These numbers come from children treated years ago. Treatment keeps getting better. The numbers cannot tell "
        "what will happen to your child. The care team knows your child's risk group and can tell you more.": (
            "Estos números vienen de niños que recibieron tratamiento hace años. El tratamiento sigue mejorando. Los "
            "números no pueden decir qué le va a pasar a su hijo. El equipo médico conoce el grupo de riesgo de su "
            "hijo y le puede decir más."
        ),
        # Side effects
        "Life during treatment: common side effects": "La vida durante el tratamiento: efectos secundarios comunes",
        "Chemotherapy": "Quimioterapia",
        "Chemo kills cells that grow fast. Some healthy cells grow fast too, so chemo has side effects. Most go away "
        "after treatment. Tell the care team about any side effect. There is often a way to help.": (
            "La quimio mata las células que crecen rápido. Algunas células sanas también crecen rápido, por eso la "
            "quimio tiene efectos secundarios. La mayoría se quitan después del tratamiento. Dígale al equipo médico "
            "de cualquier efecto secundario. Muchas veces hay una manera de ayudar."
        ),
        "Low blood counts": "Conteos de sangre bajos",
        "Chemo lowers the number of healthy blood cells for a while. When neutrophils, the white cells that fight "
        "germs, are low, infections are more likely. Low red cells make a child tired and pale. Low platelets cause "
        "bruises and bleeding. Your child may need a transfusion: blood or platelets from a donor, given through a "
        "vein.": (
            "La quimio baja por un tiempo el número de células sanas de la sangre. Cuando los neutrófilos, los "
            "glóbulos blancos que combaten los microbios, están bajos, las infecciones son más probables. Con pocos "
            "glóbulos rojos, el niño está cansado y pálido. Con pocas plaquetas salen moretones y sangrados. Puede "
            "que su hijo necesite una transfusión: sangre o plaquetas de un donante, que se dan por la vena."
        ),
        "Upset stomach and throwing up": "Malestar de estómago y vómitos",
        "Medicine can help prevent it. Ask the care team.": (
            "Hay medicina que ayuda a evitarlo. Pregúntele al equipo médico."
        ),
        "Mouth sores": "Llagas en la boca",
        "Soft foods and gentle tooth brushing help. Call if sores keep your child from eating or drinking.": (
            "Ayudan las comidas blandas y lavarse los dientes con cuidado. Llame si las llagas no dejan que su hijo "
            "coma o beba."
        ),
        "Hair loss": "Caída del pelo",
        "Hair most often grows back after treatment.": (
            "Por lo general, el pelo vuelve a crecer después del tratamiento."
        ),
        "Feeling tired": "Cansancio",
        "Rest helps, and so does some play and gentle activity when your child can.": (
            "Ayuda descansar, y también jugar un poco y moverse con calma cuando su hijo pueda."
        ),
        "Changes from steroid medicine": "Cambios por la medicina con esteroides",
        "Steroids are strong medicines that help kill leukemia cells. They can make a child very hungry, moody or "
        "unable to sleep, and can cause weight gain. These changes go away after the steroid stops.": (
            "Los esteroides son medicinas fuertes que ayudan a matar las células de leucemia. Pueden darle al niño "
            "mucha hambre, cambios de humor o problemas para dormir, y pueden hacer que suba de peso. Estos cambios "
            "se quitan cuando deja el esteroide."
        ),
        "Tingling, pain or weakness in the hands, feet or jaw": (
            "Hormigueo, dolor o debilidad en las manos, los pies o la mandíbula"
        ),
        "One chemo medicine, vincristine, can cause this. It can also cause hard poop (constipation). Tell the care "
        "team.": (
            "Una medicina de quimio, la vincristina, puede causar esto. También puede causar popó dura "
            "(estreñimiento). Dígale al equipo médico."
        ),
        "Chemotherapy for Childhood Leukemia": "Chemotherapy for Childhood Leukemia (en inglés)",
        # When to call right away (who to call for each sign comes from the English page)
        "When to call right away during treatment": "Cuándo llamar de inmediato durante el tratamiento",
        "During treatment, an infection or bleeding can get serious fast. Keep a thermometer at home. Keep our "
        "24-hour number where you can find it.": (
            "Durante el tratamiento, una infección o un sangrado se pueden poner graves muy rápido. Tenga un "
            "termómetro en casa. Tenga nuestro número de 24 horas donde lo pueda encontrar."
        ),
        "Trouble breathing": "Le cuesta respirar",
        "Breathing is fast or hard, or the lips look blue or gray.": (
            "Respira rápido o con mucho esfuerzo, o los labios se ven azules o grises."
        ),
        "A seizure, or your child is very hard to wake up": "Una convulsión, o es muy difícil despertar a su hijo",
        "Sudden weakness on one side of the body, a drooping face, or trouble talking or seeing": (
            "Debilidad de repente en un lado del cuerpo, la cara caída, o le cuesta hablar o ver"
        ),
        "These can be signs of a stroke.": "Pueden ser señales de un derrame cerebral.",
        "Bleeding that will not stop, even when you press firmly on it": (
            "Un sangrado que no para, aunque usted apriete con firmeza"
        ),
        "A fever: a temperature of 100.4°F (38°C) or higher": "Fiebre: una temperatura de 100.4 °F (38 °C) o más",
        "This is the number our care team uses. Other hospitals may use a slightly different number. Always follow "
        "what your child's team tells you. Take the temperature by mouth or under the arm. Call even if your child "
        "seems fine.": (
            "Este es el número que usa nuestro equipo médico. Otros hospitales pueden usar un número un poco "
            "diferente. Siempre haga lo que le diga el equipo de su hijo. Tome la temperatura en la boca o debajo "
            "del brazo. Llame aunque su hijo se vea bien."
        ),
        "Chills or shaking": "Escalofríos o temblores",
        "This can happen soon after a central line is flushed. It can be a sign of infection.": (
            "Puede pasar poco después de limpiar el catéter central. Puede ser una señal de infección."
        ),
        "New bruises, a nosebleed, or tiny red or purple spots on the skin": (
            "Moretones nuevos, sangrado de la nariz, o puntitos rojos o morados en la piel"
        ),
        "These can mean platelets are low.": "Pueden querer decir que las plaquetas están bajas.",
        "Contact with someone who has chickenpox, shingles or measles": (
            "Contacto con alguien que tiene varicela, herpes zóster (culebrilla) o sarampión"
        ),
        "Call even if your child has no signs. Medicine given soon may help.": (
            "Llame aunque su hijo no tenga señales. Una medicina que se da pronto puede ayudar."
        ),
        "Throwing up, or not able to drink or keep medicine down": (
            "Vómitos, o no puede beber o no puede retener la medicina"
        ),
        "Bad belly pain": "Dolor fuerte de panza",
        "Pain that is new or does not go away, with or without throwing up.": (
            "Un dolor nuevo o que no se quita, con o sin vómitos."
        ),
        "Blood in pee or poop, black poop, or throwing up blood": (
            "Sangre en la pipí o en la popó, popó negra, o vomita sangre"
        ),
        "Diarrhea, or no poop for several days": "Diarrea, o no hace popó por varios días",
        "Some chemo medicines can make poop very hard.": "Algunas medicinas de quimio ponen la popó muy dura.",
        "Pain or burning when peeing": "Dolor o ardor al hacer pipí",
        "Pain, redness or sores around the bottom": "Dolor, enrojecimiento o llagas alrededor de las pompis",
        "Pain, swelling or redness in an arm or a leg": "Dolor, hinchazón o enrojecimiento en un brazo o una pierna",
        "This can be a sign of a blood clot.": "Puede ser señal de un coágulo de sangre.",
        "Yellow skin or yellow eyes": "La piel amarilla o los ojos amarillos",
        "A bad headache, or a stiff neck": "Un dolor de cabeza fuerte, o el cuello rígido",
        "Redness, swelling, pain or fluid where the central line or port goes in": (
            "Enrojecimiento, hinchazón, dolor o líquido donde entra el catéter central o el puerto"
        ),
        "Also call if the line is broken or leaking.": "Llame también si el catéter está roto o gotea.",
        "Mouth sores that keep your child from eating or drinking": (
            "Llagas en la boca que no dejan que su hijo coma o beba"
        ),
        "Peeing much less than usual": "Hace pipí mucho menos que de costumbre",
        "This can mean your child needs more fluids.": "Puede querer decir que su hijo necesita más líquidos.",
        "Do not give medicine for fever or pain, such as acetaminophen (Tylenol), unless the care team told you to. "
        "It can hide a fever.": (
            "No le dé medicina para la fiebre o el dolor, como acetaminofén (Tylenol), a menos que el equipo médico "
            "le haya dicho que sí. Puede esconder la fiebre."
        ),
        "Do not give ibuprofen (Advil, Motrin) or aspirin. They make bleeding more likely.": (
            "No le dé ibuprofeno (Advil, Motrin) ni aspirina. Hacen que sea más probable sangrar."
        ),
        "Do not put anything in your child's bottom: no thermometer, suppository or enema. It can cause bleeding or "
        "infection.": (
            "No le meta nada a su hijo por las pompis (el recto): ni termómetro, ni supositorio, ni enema. Puede "
            "causar sangrado o infección."
        ),
        "Do not wait for morning or for the clinic to open.": "No espere a que sea de día ni a que abra la clínica.",
        "Children's Oncology Group": "Children's Oncology Group",
        "OncoLink (Penn Medicine)": "OncoLink (Penn Medicine)",
        "Neutropenic Fever": "Neutropenic Fever (en inglés)",
        "July 2024": "julio de 2024",
        # After treatment
        "After treatment": "Después del tratamiento",
        "When treatment ends, your child still sees the care team for checkups. Visits are close together at first, "
        "then farther apart over the years. The team checks blood counts and looks for any sign that ALL has come "
        "back.": (
            "Cuando termina el tratamiento, su hijo sigue yendo con el equipo médico para revisiones. Al principio "
            "las citas son seguido, y con los años, más separadas. El equipo revisa los conteos de sangre y busca "
            "cualquier señal de que la LLA haya regresado."
        ),
        "<b>Late effects.</b> Some effects of treatment can show up months or years later. These are called late "
        "effects. They can affect the heart, bones, growth, learning, and having children later in life. A few "
        "children get a second cancer later on. Not every child has late effects, and finding them early helps.": (
            "<b>Efectos tardíos.</b> Algunos efectos del tratamiento pueden aparecer meses o años después. Se llaman "
            "efectos tardíos. Pueden afectar el corazón, los huesos, el crecimiento, el aprendizaje y la posibilidad "
            "de tener hijos más adelante. Unos pocos niños tienen otro cáncer más adelante. No todos los niños tienen "
            "efectos tardíos, y encontrarlos a tiempo ayuda."
        ),
        "<b>Long-term follow-up clinic.</b> Many children's hospitals have a clinic for children who have finished "
        "cancer treatment. It checks for late effects and helps your child stay healthy as they grow up. Ask the "
        "care team for a written summary of your child's treatment. Keep it, and share it with your child's doctors "
        "in the years ahead.": (
            "<b>Clínica de seguimiento a largo plazo.</b> Muchos hospitales de niños tienen una clínica para los "
            "niños que terminaron el tratamiento del cáncer. Ahí revisan si hay efectos tardíos y ayudan a que su "
            "hijo siga sano mientras crece. Pídale al equipo médico un resumen por escrito del tratamiento de su "
            "hijo. Guárdelo y compártalo con los médicos de su hijo en los años que vienen."
        ),
        "Late Effects of Treatment for Childhood Cancer (PDQ®), Patient Version": (
            "Late Effects of Treatment for Childhood Cancer (PDQ®), Patient Version (en inglés)"
        ),
        "Nothing you did or did not do caused your child's ALL, and you could not have stopped it. ALL is not "
        "contagious. Your child cannot give it to anyone, and no one gave it to your child.": (
            "Nada de lo que usted hizo o dejó de hacer causó la LLA de su hijo, y usted no la podía haber evitado. "
            "La LLA no se contagia. Su hijo no se la puede pasar a nadie, y nadie se la pasó a su hijo."
        ),
        "Brothers and sisters of a child with leukemia have a slightly higher chance of getting it. But the chance "
        "is still very small. It is higher for an identical twin.": (
            "Los hermanos y las hermanas de un niño con leucemia tienen un poco más de probabilidad de tenerla. Pero "
            "la probabilidad sigue siendo muy pequeña. Es más alta para un gemelo idéntico."
        ),
        # Questions to ask
        "Questions to ask the care team": "Preguntas para el equipo médico",
        "Bring these to your next visit. It helps to write down the answers.": (
            "Tráigalas a su próxima cita. Ayuda escribir las respuestas."
        ),
        "What kind of ALL does my child have? What is my child's risk group?": (
            "¿Qué tipo de LLA tiene mi hijo? ¿En qué grupo de riesgo está?"
        ),
        "What is the plan for treatment, and how long is each phase?": (
            "¿Cuál es el plan de tratamiento, y cuánto dura cada fase?"
        ),
        "Is there a clinical trial for my child?": "¿Hay un ensayo clínico para mi hijo?",
        "What side effects should we watch for, and what helps?": (
            "¿A qué efectos secundarios debemos estar atentos, y qué ayuda?"
        ),
        "What temperature counts as a fever for my child, and how should I take it?": (
            "¿Qué temperatura cuenta como fiebre para mi hijo, y cómo se la debo tomar?"
        ),
        "Who do we call at night and on weekends?": "¿A quién llamamos en la noche y los fines de semana?",
        "Can my child go to school or child care? What about shots and pets?": (
            "¿Mi hijo puede ir a la escuela o a la guardería? ¿Y las vacunas y las mascotas?"
        ),
        "What did the test for leftover leukemia cells (MRD) show after the first month?": (
            "¿Qué mostró la prueba de células de leucemia que quedan (EMR) después del primer mes?"
        ),
        "Could treatment affect my child's growth, learning, or having children later?": (
            "¿El tratamiento puede afectar el crecimiento, el aprendizaje o la posibilidad de que mi hijo tenga hijos "
            "más adelante?"
        ),
        "Who can help us with money, travel, school and stress?": (
            "¿Quién nos puede ayudar con el dinero, los viajes, la escuela y el estrés?"
        ),
        # Support
        "Support for your family": "Apoyo para su familia",
        "You do not have to do this alone. The care team has people who help the whole family:": (
            "No tiene que pasar por esto solo. El equipo médico tiene personas que ayudan a toda la familia:"
        ),
        "<b>Social workers</b> help with stress, money, insurance, travel and time off work.": (
            "<b>Los trabajadores sociales</b> ayudan con el estrés, el dinero, el seguro, los viajes y los permisos "
            "en el trabajo."
        ),
        "<b>Child life specialists</b> use play and simple words to help children understand tests and treatment. "
        "They help brothers and sisters too.": (
            "<b>Los especialistas en vida infantil (child life)</b> usan el juego y palabras sencillas para ayudar a "
            "los niños a entender las pruebas y el tratamiento. También ayudan a los hermanos."
        ),
        "<b>Psychologists</b> help children and parents cope with hard feelings.": (
            "<b>Los psicólogos</b> ayudan a los niños y a los padres a sobrellevar los sentimientos difíciles."
        ),
        "<b>Hospital teachers</b> and your child's school help your child keep up with school. Ask about a school "
        "plan.": (
            "<b>Los maestros del hospital</b> y la escuela de su hijo lo ayudan a no atrasarse en la escuela. "
            "Pregunte por un plan escolar."
        ),
        "Brothers and sisters may feel scared, left out or jealous. These feelings are normal. Tell them what is "
        "going on in words they understand.": (
            "Los hermanos pueden sentir miedo, sentirse olvidados o tener celos. Estos sentimientos son normales. "
            "Dígales lo que está pasando con palabras que entiendan."
        ),
        "Take care of yourself too. Rest when you can, and let family and friends help.": (
            "Cuídese usted también. Descanse cuando pueda, y deje que la familia y los amigos le ayuden."
        ),
        "ALL has many subtypes, and each child has a risk group. Treatment depends on both. Your child's care team "
        "will explain the plan for your child.": (
            "La LLA tiene muchos subtipos, y cada niño tiene un grupo de riesgo. El tratamiento depende de los dos. "
            "El equipo médico de su hijo le explicará el plan para él."
        ),
        "Can my child go to school during treatment?": "¿Mi hijo puede ir a la escuela durante el tratamiento?",
        "Often, yes, for much of treatment. In the hardest phases your child may need to stay home. The care team "
        "will tell you when it is safe, and the school can make a plan to help.": (
            "Muchas veces sí, durante gran parte del tratamiento. En las fases más difíciles puede que su hijo tenga "
            "que quedarse en casa. El equipo médico le dirá cuándo es seguro, y la escuela puede hacer un plan para "
            "ayudar."
        ),
        # Glossary
        "Words you may hear": "Palabras que puede escuchar",
        "Blast": "Blasto",
        "A young blood cell that is not grown up. In ALL, the marrow makes too many blasts.": (
            "Una célula de la sangre joven que no ha madurado. En la LLA, la médula hace demasiados blastos."
        ),
        "Bone marrow": "Médula ósea",
        "The soft, spongy part inside bones where blood cells are made.": (
            "La parte blanda y esponjosa de adentro de los huesos, donde se hacen las células de la sangre."
        ),
        "chemo": "quimio",
        "Medicine that kills cancer cells.": "Medicina que mata las células del cáncer.",
        "Central line": "Catéter central",
        "A soft tube put in a large vein, so medicine can go in and blood can be taken without a new needle each "
        "time.": (
            "Un tubo suave que se pone en una vena grande, para que entre la medicina y se saque sangre sin tener que "
            "usar una aguja nueva cada vez."
        ),
        "Clinical trial": "Ensayo clínico",
        "A research study that tests ways to make treatment better.": (
            "Un estudio de investigación que prueba maneras de mejorar el tratamiento."
        ),
        "MRD": "EMR (MRD)",
        "minimal residual disease": "enfermedad mínima residual",
        "Leukemia cells left after treatment that are too few to see with a microscope. A very fine test looks for "
        "them.": (
            "Células de leucemia que quedan después del tratamiento y que son tan pocas que no se ven con un "
            "microscopio. Una prueba muy fina las busca."
        ),
        "Neutrophils": "Neutrófilos",
        "White blood cells that fight germs. The ANC is the count of them. When it is low, infections are more "
        "likely.": (
            "Glóbulos blancos que combaten los microbios. El RAN (recuento absoluto de neutrófilos, ANC en inglés) es "
            "el conteo de ellos. Cuando está bajo, las infecciones son más probables."
        ),
        "Petechiae": "Petequias",
        "Tiny red or purple spots on the skin from bleeding under the skin. They can mean platelets are low.": (
            "Puntitos rojos o morados en la piel por un sangrado debajo de la piel. Pueden querer decir que las "
            "plaquetas están bajas."
        ),
        "Platelets": "Plaquetas",
        "Blood cells that help blood clot, so bleeding stops.": (
            "Células de la sangre que ayudan a que la sangre se cuaje, para que el sangrado pare."
        ),
        "Port": "Puerto",
        "A kind of central line that sits under the skin. A needle goes into it to give medicine.": (
            "Un tipo de catéter central que queda debajo de la piel. Se le pone una aguja para dar la medicina."
        ),
        "Relapse": "Recaída",
        "When leukemia comes back after remission.": "Cuando la leucemia regresa después de la remisión.",
        "Remission": "Remisión",
        "Leukemia cells can no longer be seen in the bone marrow with a microscope. Remission is not the same as "
        "cure.": (
            "Ya no se ven células de leucemia en la médula ósea con el microscopio. Remisión no es lo mismo que cura."
        ),
        "Risk group": "Grupo de riesgo",
        "The group doctors put a child in to plan how strong treatment needs to be.": (
            "El grupo en el que los médicos ponen a un niño para planear qué tan fuerte debe ser el tratamiento."
        ),
        "lumbar puncture": "punción espinal",
        "A thin needle in the low back takes a little of the spinal fluid.": (
            "Con una aguja delgada en la parte baja de la espalda se saca un poco del líquido espinal."
        ),
        "Stem cell transplant": "Trasplante de células madre",
        "bone marrow transplant": "trasplante de médula ósea",
        "Healthy blood-forming cells, most often from a donor, are given through a vein. They grow into new bone "
        "marrow.": (
            "Células sanas que forman la sangre, por lo general de un donante, que se dan por la vena. Crecen y "
            "forman médula ósea nueva."
        ),
        "Steroid": "Esteroide",
        "A strong medicine, such as prednisone or dexamethasone, that helps kill leukemia cells.": (
            "Una medicina fuerte, como la prednisona o la dexametasona, que ayuda a matar las células de leucemia."
        ),
        "Transfusion": "Transfusión",
        "Blood or platelets from a donor, given through a vein.": (
            "Sangre o plaquetas de un donante, que se dan por la vena."
        ),
        "Risk Factors for Childhood Leukemias": "Risk Factors for Childhood Leukemias (en inglés)",
        "Long-Term Follow-Up Guidelines for Survivors of Childhood, Adolescent, and Young Adult Cancers": (
            "Long-Term Follow-Up Guidelines for Survivors of Childhood, Adolescent, and Young Adult Cancers (en inglés)"
        ),
    }
)
