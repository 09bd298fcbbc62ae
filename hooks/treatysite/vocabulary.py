"""Reader-facing words for the coded values in the data (obligation types, stances, confidence)."""

CONFIDENCE = {
    "confirmed": "Confirmed by several sources",
    "single-source": "Single source",
    "disputed": "Disputed: sources disagree",
}

NUMBERING = {
    "reported": "article number given by the sources",
    "probable": "article number suggested but not confirmed",
    "unnumbered": "no source gives an article number",
}

OBLIGATION_TYPE = {
    "mutual-defence": "Mutual defence",
    "no-assistance-to-aggressor": "No assistance to an aggressor",
    "non-aggression": "Non-aggression",
    "non-use-of-territory": "Territory not used against the other party",
    "consultation": "Consultation",
    "military-cooperation": "Military cooperation",
    "military-technical-cooperation": "Military-technical cooperation",
    "intelligence-cooperation": "Intelligence and security services",
    "sanctions-coordination": "Sanctions (unilateral coercive measures)",
    "financial-cooperation": "Payments and finance",
    "economic-cooperation": "Trade and economy",
    "energy-cooperation": "Energy",
    "nuclear-cooperation": "Peaceful nuclear energy",
    "transport-cooperation": "Transport and connectivity",
    "regional-security": "Regional security",
    "multilateral-coordination": "Coordination in international bodies",
    "information-cooperation": "Media and information",
    "cultural-cooperation": "Culture, science and education",
    "law-enforcement-cooperation": "Terrorism, crime and migration",
    "emergency-cooperation": "Disasters and emergencies",
    "principles": "Principles of relations",
    "general-cooperation": "General cooperation",
    "duration": "Term and entry into force",
}

STRENGTH = {
    "firm": "Firm obligation",
    "qualified": "Qualified obligation (conditions or separate agreements)",
    "aspirational": "Aspiration or intent to cooperate",
    "not-known": "Not known from the sources",
}

STRENGTH_SHORT = {
    "firm": "firm",
    "qualified": "qualified",
    "aspirational": "aspirational",
    "not-known": "strength not known",
}

STANCE = {
    "supportive": "Supportive",
    "optimistic": "Optimistic",
    "descriptive": "Descriptive",
    "sceptical": "Sceptical",
    "critical": "Critical",
}

PERSON_KIND = {"expert": "Expert", "official": "Official", "editor": "Editor", "outlet": "Media outlet"}

PROJECT_STATUS = {
    "proposed": "Proposed",
    "agreed": "Agreed",
    "under-way": "Under way",
    "stalled": "Stalled",
    "completed": "Completed",
    "friction": "Point of friction",
    "unconfirmed": "Unconfirmed",
}

SOURCE_KIND = {
    "source-document": "Source document",
    "news": "News report",
    "analysis": "Analysis",
    "official": "Official statement",
    "reference": "Reference compilation",
}
