"""The guide for the person at the door: plain questions that fill in decision facts, a screen at a time.

The engine (eo13.law, partial mode) says which missing fact matters most; the guide asks only the screen that
fills it. Answers a person is not sure of are set aside; if the answer then depends on them, the guide says to call
counsel. The answers travel in a signed token in the page address (choices and a property id only, never typed
text), so browser Back and "change" links work without JavaScript and without a session (issue 13).
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
# One screen answers both facts the rule reads about the use (EO 13 §3: a base "for law enforcement"): each choice
# says what they want to do and whether it is to enforce a law, so the person answers once.
USE = Question(
    "use",
    "What do they want to do on the lot?",
    "",
    (
        (
            "staging_area",
            "Park and gather there before an operation to enforce a law (a staging area)",
            {"use": "staging_area", "law_enforcement_purpose": True},
        ),
        (
            "processing_location",
            "Hold, question or process people they stopped (a processing location)",
            {"use": "processing_location", "law_enforcement_purpose": True},
        ),
        (
            "operations_base",
            "Run an operation to enforce a law from there (an operations base)",
            {"use": "operations_base", "law_enforcement_purpose": True},
        ),
        (
            "not_enforcing",
            "Park or gather there, but not to enforce any law (for example, a training or a ceremony)",
            {"law_enforcement_purpose": False},
        ),
        ("other", "Something else, such as a short stop or a visit", {"use": "other"}),
    ),
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
# The paper in one question: who issued it, and for the Homeland Security forms the form itself, whose number is
# printed on it and whose words say what it lets an officer do. So a form number is never asked on its own, and
# never for a court's paper (issue 13); what a paper allows is asked only when the choice does not already say.
PAPERS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    (
        "I-205",
        "Form I-205, Warrant of Removal/Deportation (from ICE, signed by an officer)",
        {"issued_by": "immigration_officer", "form": "I-205", "authorizes": ["custody"]},
    ),
    (
        "I-200",
        "Form I-200, Warrant for Arrest of Alien (from ICE, signed by an officer)",
        {"issued_by": "immigration_officer", "form": "I-200", "authorizes": ["custody"]},
    ),
    (
        "I-247A",
        "Form I-247A, Immigration Detainer (a request from ICE to hold someone)",
        {"issued_by": "immigration_officer", "form": "I-247A", "authorizes": []},
    ),
    (
        "immigration_officer",
        "Another paper from the U.S. Department of Homeland Security, ICE or CBP, signed by an officer",
        {"issued_by": "immigration_officer"},
    ),
    (
        "article_iii_judge",
        "A paper from a federal court (United States District Court), signed by a judge or magistrate judge",
        {"issued_by": "article_iii_judge"},
    ),
    (
        "new_york_state_court",
        "A paper from a New York State court, signed by a judge",
        {"issued_by": "new_york_state_court"},
    ),
    ("other_state_court", "A paper from a court of another state", {"issued_by": "other_state_court"}),
    (
        "immigration_judge",
        "A paper from an Immigration Court or the Executive Office for Immigration Review",
        {"issued_by": "immigration_judge"},
    ),
    ("bankruptcy_judge", "A paper from a bankruptcy court", {"issued_by": "bankruptcy_judge"}),
    ("court_clerk", "A court paper signed only by a clerk", {"issued_by": "court_clerk"}),
    ("other", "Another paper, or I cannot tell who signed it", {"issued_by": "other"}),
)
PAPER = Question(
    "paper",
    "Did they show you a paper, such as a warrant?",
    WARRANT_HELP,
    (("none", "No paper", None), *PAPERS),
)
WHICH_PAPER = Question(
    "paper",
    "Which paper is it? Look at the top, the signature and the bottom corner.",
    WARRANT_HELP,
    PAPERS,
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

# A screen is one page: its name, and the questions on it ("place" is the property search and list).
SCREENS: dict[str, dict[str, tuple[Question, ...]]] = {
    "lot-use": {
        "personnel": (PERSONNEL,),
        "place": (),
        "use": (USE,),
        "exceptions": (PAPER, EXCEPTIONS),
        "authorizes": (AUTHORIZES,),
        "immigration_enforcement": (IMMIGRATION,),
    },
    "property-access": {
        "requester": (REQUESTER,),
        "area": (AREA,),
        "place": (),
        "paper": (PAPER,),
        "authorizes": (AUTHORIZES,),
        "authorized_by_city_personnel": (AUTHORIZED,),
        "emergency": (EMERGENCY,),
        "immigration_enforcement": (IMMIGRATION,),
    },
    "warrant": {"paper": (WHICH_PAPER,), "authorizes": (AUTHORIZES,)},
}
# Which screen fills each fact the engine may still need.
FACT_SCREEN: dict[str, dict[str, str]] = {
    "lot-use": {
        "personnel": "personnel",
        "property": "place",
        "use": "use",
        "law_enforcement_purpose": "use",
        "exceptions": "exceptions",
        "warrant": "exceptions",
        "immigration_enforcement": "immigration_enforcement",
    },
    "property-access": {
        "requester": "requester",
        "area": "area",
        "property": "place",
        "judicial_warrant": "paper",
        "warrant": "paper",
        "authorized_by_city_personnel": "authorized_by_city_personnel",
        "emergency": "emergency",
        "immigration_enforcement": "immigration_enforcement",
    },
    "warrant": {"issued_by": "paper", "authorizes": "authorizes"},
}
PLACE_TEXT = "Where are they?"
# The questions whose one answer is one fact (or, for the use, two); the paper and the exceptions are read apart.
QUESTIONS: dict[str, Question] = {
    q.key: q for q in (PERSONNEL, REQUESTER, USE, AREA, AUTHORIZED, EMERGENCY, IMMIGRATION)
}
ATTESTED = ("furthers_city_agency_mission", "exigent_circumstances", "required_by_law")


@dataclass
class GuideState(SignedState):
    """The answers so far, by question key, each a list of choice values (``["unsure"]`` when set aside).
    ``run`` names this walk through the guide; the reasons typed for a judgment are kept under it in the session,
    never in the token. Tokens from before issue 13 (facts, not answers) load with no answers: the guide asks again."""

    SALT: ClassVar[str] = "eo13.access.guide"
    TOKEN_KEYS: ClassVar[dict[str, str]] = {"kind": "k", "answers": "n", "run": "r"}

    kind: str
    answers: dict[str, list[str]] = field(default_factory=dict)
    run: str = ""
