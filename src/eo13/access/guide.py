"""The guide for the person at the door: plain questions that fill in decision facts, asked one at a time.

The engine (eo13.law, partial mode) says which missing fact matters most; the guide asks only that one. Answers a
person is not sure of are set aside; if the answer then depends on them, the guide says to call counsel.
State travels in a signed form field, so the guide works without JavaScript and without a session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from eo13.guide_state import Question, SignedState

START_CHOICES = (
    ("lot-use", "They want to use our parking lot, garage or empty lot"),
    ("property-access", "They want to go into a room, office or other area that is not open to the public"),
    ("warrant", "They showed me a paper. Is it a warrant?"),
    ("other", "Something else, like asking about a person or for records"),
)

# Kinds of place, for people who do not pick their place from the property list.
PLACES = {
    "city_lot": (
        "A parking lot, garage or empty lot that the City owns or rents, runs, and uses for City work",
        {
            "kind": "parking_lot",
            "city_owned_or_leased": True,
            "city_operational_control": True,
            "city_governmental_purpose": True,
        },
    ),
    "city_building": (
        "A building the City owns or rents, runs, and uses for City work (office, shelter, clinic, school, center)",
        {
            "kind": "building",
            "city_owned_or_leased": True,
            "city_operational_control": True,
            "city_governmental_purpose": True,
        },
    ),
    "not_city": (
        "A place the City does not own, rent or run",
        {"kind": "other", "city_owned_or_leased": False, "city_operational_control": False},
    ),
}


PERSONNEL = Question(
    "personnel",
    "Who is asking?",
    "Look at their badges, jackets or cars. If you cannot tell, choose 'Not sure'.",
    (
        (
            "federal",
            "Federal agents, such as ICE, CBP, HSI, FBI, DEA or U.S. Marshals",
            {"employer": "federal", "enforces_laws": True},
        ),
        ("state", "New York State police or other State officers", {"employer": "state", "enforces_laws": True}),
        (
            "other_police",
            "Police or officers from another city or county",
            {"employer": "other", "enforces_laws": True},
        ),
        ("other_state", "Police or officers of another state", {"employer": "other_state", "enforces_laws": True}),
        ("city", "NYPD or other New York City staff", {"employer": "city", "enforces_laws": True}),
        ("doe", "Department of Education staff", {"employer": "department_of_education", "enforces_laws": True}),
        (
            "pbc",
            "Police of a City public authority, such as NYC Health + Hospitals or NYCHA",
            {"employer": "local_public_benefit_corporation", "enforces_laws": True},
        ),
        (
            "contractors",
            "Private contractors or security guards working for a federal agency",
            {"employer": "not_government", "enforces_laws": False},
        ),
        ("not_officers", "People who are not law enforcement", {"employer": "other", "enforces_laws": False}),
    ),
)
REQUESTER = Question(
    "requester",
    "Who is asking?",
    "Look at their badges, jackets or cars. If you cannot tell, choose 'Not sure'.",
    (
        ("federal", "Federal agents, such as ICE, CBP, HSI, FBI, DEA or U.S. Marshals", "non_local_law_enforcement"),
        ("state", "New York State police or officers from another city, county or state", "non_local_law_enforcement"),
        ("nypd", "NYPD or other New York City law enforcement", "local_law_enforcement"),
        ("not_officers", "People who are not law enforcement", "other"),
    ),
)
USE = Question(
    "use",
    "What do they want to do on the lot?",
    "",
    (
        ("staging_area", "Park and gather there before an operation (a staging area)", "staging_area"),
        (
            "processing_location",
            "Hold, question or process people they stopped (a processing location)",
            "processing_location",
        ),
        ("operations_base", "Run an operation from there (an operations base)", "operations_base"),
        ("other", "Something else, such as a short stop or a visit", "other"),
    ),
)
PURPOSE = Question(
    "law_enforcement_purpose",
    "Is it part of enforcing a law?",
    "Any law counts: immigration, criminal or traffic law.",
    (("yes", "Yes", True), ("no", "No", False)),
)
EXCEPTIONS = Question(
    "exceptions",
    "Is any of these true? Check all that are.",
    "Only check what you know. If you are not sure, choose 'Not sure'.",
    (
        (
            "formal_agreement",
            "They showed a signed agreement or contract with the City that lets them use this lot",
            "formal_agreement",
        ),
        ("judicial_warrant", "They showed a paper they say is a warrant", "judicial_warrant"),
        (
            "cooperative_arrangement",
            "They are part of a joint operation the City formally agreed to",
            "cooperative_arrangement",
        ),
        (
            "furthers_city_agency_mission",
            "A manager at your agency decided this use helps your agency's work",
            "furthers_city_agency_mission",
        ),
        (
            "exigent_circumstances",
            "There is an emergency that cannot wait, such as danger to life",
            "exigent_circumstances",
        ),
        ("required_by_law", "Your agency counsel said a law requires the City to allow this", "required_by_law"),
        ("none", "None of these", None),
    ),
    multiple=True,
)
AREA = Question(
    "area",
    "Where do they want to go?",
    "",
    (
        ("public", "A public area, such as a lobby, waiting room or public hallway", "public"),
        (
            "non_public",
            "A non-public area, such as a back office, staff room, client room or anywhere behind a locked door",
            "non_public",
        ),
    ),
)
PAPER = Question(
    "judicial_warrant",
    "Did they show you a paper, such as a warrant?",
    "",
    (("none", "No paper", False), ("paper", "Yes, a paper", "paper")),
)
AUTHORIZED = Question(
    "authorized_by_city_personnel",
    "Has a supervisor or manager who may decide this let them in?",
    "Do not give permission yourself unless your agency's policy says you may.",
    (("yes", "Yes", True), ("no", "No", False)),
)
EMERGENCY = Question(
    "emergency",
    "Is there an emergency, such as danger to someone's life or safety?",
    "",
    (("yes", "Yes", True), ("no", "No", False)),
)
IMMIGRATION = Question(
    "immigration_enforcement",
    "Are they here to enforce immigration law?",
    "For example, to find, arrest or hold someone because of their immigration status. Agents of ICE (part of the "
    "U.S. Department of Homeland Security) usually are. If you cannot tell, choose 'Not sure'.",
    (("yes", "Yes, it is about immigration", True), ("no", "No, it is about something else", False)),
)
WARRANT_HELP = (
    "Look at the top of the first page and at the signature line. A judicial warrant names a court at the top "
    "(not 'Immigration Court') and is signed by a judge or magistrate judge. A paper from the U.S. Department of "
    "Homeland Security, ICE or CBP names one of them at the top and is signed by an officer. Form numbers such as "
    "I-200, I-205 or I-247A are printed in a bottom corner."
)
ISSUED_BY = Question(
    "issued_by",
    "Who issued it? Look at the top and at the signature.",
    WARRANT_HELP,
    (
        (
            "article_iii_judge",
            "A federal court (United States District Court), signed by a judge or magistrate judge",
            "article_iii_judge",
        ),
        ("new_york_state_court", "A New York State court, signed by a judge", "new_york_state_court"),
        ("other_state_court", "A court of another state", "other_state_court"),
        (
            "immigration_judge",
            "An Immigration Court or the Executive Office for Immigration Review",
            "immigration_judge",
        ),
        (
            "immigration_officer",
            "The Department of Homeland Security, ICE or CBP, signed by an officer",
            "immigration_officer",
        ),
        ("bankruptcy_judge", "A bankruptcy court", "bankruptcy_judge"),
        ("court_clerk", "A court, but signed only by a clerk", "court_clerk"),
        ("other", "Someone else, or I cannot tell", "other"),
    ),
)
AUTHORIZES = Question(
    "authorizes",
    "What does the paper say they may do? Check all that it says.",
    "",
    (
        ("custody", "Arrest or take a named person into custody", "custody"),
        ("search", "Search a place", "search"),
        ("entry", "Enter a place", "entry"),
        ("none", "None of these: it asks for information, papers, or for you to come somewhere", None),
    ),
    multiple=True,
)
FORM = Question(
    "form",
    "Is there a form number on it, usually in a bottom corner?",
    "",
    (
        ("I-200", "I-200", "I-200"),
        ("I-205", "I-205", "I-205"),
        ("I-247A", "I-247A", "I-247A"),
        ("other", "Another number, or none", "other"),
    ),
)

QUESTIONS: dict[str, Question] = {
    q.key: q
    for q in (
        PERSONNEL,
        REQUESTER,
        USE,
        PURPOSE,
        EXCEPTIONS,
        AREA,
        PAPER,
        AUTHORIZED,
        EMERGENCY,
        IMMIGRATION,
        ISSUED_BY,
        AUTHORIZES,
        FORM,
    )
}
ATTESTED = ("furthers_city_agency_mission", "exigent_circumstances", "required_by_law")
WARRANT_KEYS = ("issued_by", "authorizes", "form")


@dataclass
class GuideState(SignedState):
    SALT: ClassVar[str] = "eo13.access.guide"
    TOKEN_KEYS: ClassVar[dict[str, str]] = {
        "kind": "k",
        "facts": "f",
        "unsure": "u",
        "place_label": "p",
        "warrant": "w",
        "asked": "a",
    }

    kind: str
    facts: dict[str, Any] = field(default_factory=dict)
    unsure: list[str] = field(default_factory=list)
    place_label: str = ""
    warrant: dict[str, Any] | None = None  # being filled in: the paper they showed
    asked: list[str] = field(default_factory=list)
