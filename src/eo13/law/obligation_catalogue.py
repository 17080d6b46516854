"""The order's duties as data (EO 13 §2, §5, §6, §7, §8): one entry per duty, read by :mod:`eo13.law.obligations`."""

from __future__ import annotations

from datetime import date

from eo13.law.obligation_types import ObligationSpec, Responsible

_SIX = Responsible.SECTION_2_AGENCIES
_I = "ongoing from order-issued"

CATALOGUE: tuple[ObligationSpec, ...] = (
    ObligationSpec(
        key="s2_compliance",
        section="EO 13 §2",
        title="Follow the laws on outside immigration enforcement",
        summary="Make sure staff, contractors and subcontractors follow every law, rule and reporting duty about "
        "outside immigration enforcement, including Admin Code §9-131, §9-205, §10-178 and §14-154.",
        responsible=_SIX,
        rules=(_I,),
        evidence="A short statement of how the agency checks compliance, with its latest required reports.",
    ),
    ObligationSpec(
        key="s2_audit_report",
        section="EO 13 §2",
        title="Audit your policies and report to the Mayor",
        summary="Review and audit every internal policy, guideline and protocol on working with outside agencies "
        "that enforce immigration law, then send the Mayor a report with the changes made.",
        responsible=_SIX,
        rules=("within 90 days of order-issued",),
        stated=date(2026, 5, 7),
        evidence="The audit report: findings, policy changes, compliance steps and training.",
    ),
    ObligationSpec(
        key="s2_immediate_review",
        section="EO 13 §2",
        title="Start the review and audit now",
        summary="Begin the review and audit of every internal policy, guideline and protocol on working with outside "
        "agencies that enforce immigration law right away; the report to the Mayor is the separate duty below.",
        responsible=_SIX,
        rules=(_I,),
        evidence="The date the review began and who leads it.",
    ),
    ObligationSpec(
        key="s2_continuous_review",
        section="EO 13 §2",
        title="Keep reviewing and updating policies",
        summary="After the first audit and report is accepted, keep reviewing the policies and protocols and update "
        "them when needed.",
        responsible=_SIX,
        # Starts when City Hall accepts the agency's initial audit report, not at issuance.
        rules=("ongoing from audit-report-accepted",),
        evidence="The review schedule and the record of the latest review.",
    ),
    ObligationSpec(
        key="s2_1_publish_policies",
        section="EO 13 §2(1)",
        title="Publish your policies online",
        summary="Put the agency's policies and protocols on dealing with immigration enforcement on its website, "
        "in plain language and as Chapter 11 of Title 23 of the Administrative Code requires: that is Local Law 30 "
        "of 2017, the City's language-access law, so the policies are translated into the designated citywide "
        "languages (the translations the policies module tracks).",
        responsible=_SIX,
        rules=(_I,),
        evidence="The web address of the published policies, the plain-language check and the translations into "
        "the designated citywide languages (Admin Code Title 23, Chapter 11; Local Law 30 of 2017).",
    ),
    ObligationSpec(
        key="s2_1_update_online",
        section="EO 13 §2(1)",
        title="Update the online policy after a change",
        summary="When a policy or protocol changes, change the version on the website quickly too.",
        responsible=_SIX,
        rules=("promptly after policy-changed",),
        evidence="The web address and the date the new version went online.",
    ),
    ObligationSpec(
        key="s2_2_training",
        section="EO 13 §2(2)",
        title="Train staff and contractors on the policies",
        summary="Run training on the policies for agency employees, officers, contractors and subcontractors.",
        responsible=_SIX,
        rules=(_I,),
        evidence="The training plan and completion figures.",
    ),
    ObligationSpec(
        key="s2_2_training_update",
        section="EO 13 §2(2)",
        title="Update training after a policy change",
        summary="When the policies change, bring the training up to date with them.",
        responsible=_SIX,
        rules=("promptly after policy-changed",),
        evidence="The updated training material and the date it took effect.",
    ),
    ObligationSpec(
        key="s2_3_health_and_hospitals",
        section="EO 13 §2(3)",
        title="Audit, share policies and train (encouraged)",
        summary="NYC Health + Hospitals is asked, not required, to audit its policies, share them and train its "
        "staff in the same way as the six agencies.",
        responsible=Responsible.HEALTH_AND_HOSPITALS,
        rules=(_I,),
        binding=False,
        evidence="Any audit, published policy or training record H+H chooses to share.",
    ),
    ObligationSpec(
        key="s5_committee_materials",
        section="EO 13 §5",
        title="Coordinate the §5 materials through the Committee",
        summary="The Mayor's Office coordinates mayoral agencies' §5 information and training materials through the "
        "Interagency Response Committee, with Chief Counsel, MOIA and the Law Department.",
        responsible=Responsible.COMMITTEE,
        rules=(_I,),
        evidence="Committee minutes or actions on the §5 materials.",
    ),
    ObligationSpec(
        key="s5_1_interaction_information",
        section="EO 13 §5(1)",
        title="Guidance on handling outside law enforcement",
        summary="With mayoral agencies, prepare and share guidance on what to do when outside law enforcement asks "
        "City workers for help, for entry to City property, or for information, for immigration enforcement.",
        responsible=Responsible.COORDINATING_OFFICES,
        rules=(_I,),
        evidence="The guidance, its approval by the Law Department, and the list of agencies it went to.",
    ),
    ObligationSpec(
        key="s5_2_training_materials",
        section="EO 13 §5(2)",
        title="Training for public-facing staff",
        summary="Prepare and share training materials and courses for City workers and contractors who deal with "
        "the public and may meet outside law enforcement asking to enter City property.",
        responsible=Responsible.COORDINATING_OFFICES,
        rules=(_I,),
        evidence="The training materials and where they were sent.",
    ),
    ObligationSpec(
        key="s5_3_public_materials",
        section="EO 13 §5(3)",
        title="Public materials on City property and personal information",
        summary="Prepare and share materials that tell the public the City's laws and policies on entry to City "
        "property and on people's personal information.",
        responsible=Responsible.COORDINATING_OFFICES,
        rules=(_I,),
        evidence="The public materials, in the designated languages, and where they are published.",
    ),
    ObligationSpec(
        key="s5_4_rights_information",
        section="EO 13 §5(4)",
        title="Information on people's rights",
        summary="Prepare and share information on the rights that federal, state and local law and the U.S. "
        "Constitution give everyone, immigrant New Yorkers included.",
        responsible=Responsible.COORDINATING_OFFICES,
        rules=(_I,),
        evidence="The rights information, in the designated languages, and where it is published.",
    ),
    ObligationSpec(
        key="s6_privacy_officer_designation",
        section="EO 13 §6",
        title="Name your privacy officer to the Chief Privacy Officer",
        summary="Send the Chief Privacy Officer the name and contact details of the agency's privacy officer.",
        responsible=Responsible.EVERY_AGENCY,
        rules=("within 14 days of order-issued",),
        stated=date(2026, 2, 20),
        evidence="The message to the Chief Privacy Officer, or the privacy officer's entry in the register.",
        note="Divisions (such as HRA and the Department of Homeless Services) are covered by their parent agency's "
        "privacy officer.",
    ),
    ObligationSpec(
        key="s6_privacy_officer_replacement",
        section="EO 13 §6",
        title="Name a new privacy officer after a vacancy",
        summary="When the privacy officer leaves, work with the Chief Privacy Officer, make every reasonable effort "
        "to name a new one within 30 days, and send their name and contact details to the Chief Privacy Officer.",
        responsible=Responsible.EVENT_AGENCY,
        rules=("within 30 days of privacy-officer-vacancy",),
        evidence="The new designation and the message to the Chief Privacy Officer.",
    ),
    ObligationSpec(
        key="s6_1_cpo_training",
        section="EO 13 §6(1)",
        title="Train the agency's privacy officer",
        summary="The Chief Privacy Officer trains each agency's privacy officer on the Identifying Information Law, "
        "within 60 days of the order and within 60 days of each new designation.",
        responsible=Responsible.CHIEF_PRIVACY_OFFICER,
        concerns=Responsible.EVERY_AGENCY,
        rules=("within 60 days of order-issued", "within 60 days of privacy-officer-designated"),
        stated=date(2026, 4, 7),
        # Officers named in the first round (by 2026-02-20, EO 13 §6) are trained by 2026-04-07; the 60 days from
        # designation are for officers named later.
        first_round=(date(2026, 2, 20), date(2026, 4, 7)),
        evidence="The attendance record of the training.",
    ),
    ObligationSpec(
        key="s6_1_cpo_further_training",
        section="EO 13 §6(1)",
        title="Further privacy training",
        summary="The Chief Privacy Officer later trains privacy officers on other privacy laws when that is "
        "reasonably needed.",
        responsible=Responsible.CHIEF_PRIVACY_OFFICER,
        rules=(_I,),
        evidence="The training plan and attendance records.",
    ),
    ObligationSpec(
        key="s6_2_cpo_protocols",
        section="EO 13 §6(2)",
        title="Protocols to protect identifying information",
        summary="The Chief Privacy Officer writes the protocols needed to protect New Yorkers' identifying "
        "information under the law.",
        responsible=Responsible.CHIEF_PRIVACY_OFFICER,
        rules=(_I,),
        evidence="The protocols and the date each took effect.",
    ),
    ObligationSpec(
        key="s7_1_committee_coordination",
        section="EO 13 §7(1)",
        title="Coordinate the City's crisis response",
        summary="The Committee coordinates response policy, preparedness, risk analysis, priorities and messaging, "
        "and gathers the data needed for crises.",
        responsible=Responsible.COMMITTEE,
        rules=(_I,),
        evidence="Committee minutes and actions.",
    ),
    ObligationSpec(
        key="s7_1_f_mayor_reports",
        section="EO 13 §7(1)(f)",
        title="Regular report to the Mayor",
        summary="When the Mayor directs it, the Committee reports to the Mayor regularly on its work and the policy "
        "or operational changes it recommends.",
        responsible=Responsible.COMMITTEE,
        # The order sets no period: a report is due when City Hall records a direction, by the date it sets.
        rules=("ongoing from order-issued", "on the date set by mayor-direction"),
        evidence="The report sent to the Mayor.",
        note="The order says 'regular' and 'when directed by the Mayor' and sets no period; EO13 invents none.",
    ),
    ObligationSpec(
        key="s7_4_other_governments",
        section="EO 13 §7(4)",
        title="Work with other governments",
        summary="The Committee works with federal, state, local, tribal and territorial government officials, as "
        "appropriate.",
        responsible=Responsible.COMMITTEE,
        rules=(_I,),
        evidence="Records of the Committee's contacts with other governments.",
    ),
    ObligationSpec(
        key="s7_3_committee_designation",
        section="EO 13 §7(3)",
        title="Name your senior operations manager to the Committee",
        summary="The head of each City agency and office, the Department of Education and each public benefit "
        "corporation whose board the Mayor appoints the majority of names a senior operations manager to sit on "
        "the Committee.",
        responsible=Responsible.COMMITTEE_ENTITIES,
        rules=("by 2026-02-13",),
        stated=date(2026, 2, 13),
        evidence="The designation letter or message naming the member.",
    ),
    ObligationSpec(
        key="s7_3_committee_redesignation",
        section="EO 13 §7(3)",
        title="Name a new senior operations manager to the Committee",
        summary="Your member of the Committee left. The head of your office names a new senior operations manager.",
        responsible=Responsible.COMMITTEE_ENTITIES,
        rules=("within 14 days of committee-member-departed",),
        evidence="The designation naming the new member.",
        note="The order sets no period for a replacement; EO13 uses 14 days as the City's working rule.",
    ),
    ObligationSpec(
        key="s7_1_committee_action",
        section="EO 13 §7(1)",
        title="Do what the Committee asked",
        summary="The Committee gave your office an action or asked for data during a crisis, with a due date.",
        responsible=Responsible.EVENT_AGENCY,
        rules=("promptly after committee-action-assigned",),
        evidence="The answer or the evidence recorded on the Committee's action.",
    ),
    ObligationSpec(
        key="s8_1_cooperation",
        section="EO 13 §8(1)",
        title="Keep City property access lawful and help with §5 materials",
        summary="Keep access to City property and City lots in line with City law, and work with the Committee, "
        "Chief Counsel, MOIA and the Law Department on the §5 guidance and materials.",
        responsible=Responsible.MAYORAL_AGENCIES,
        rules=(_I,),
        evidence="The agency's access procedure and its contact for §5 work.",
    ),
    ObligationSpec(
        key="s8_1_coordinate_property_access",
        section="EO 13 §8(1)",
        title="Coordinate property access with DOE, H+H and others",
        summary="Work with the Department of Education, NYC Health + Hospitals and other public bodies on access "
        "to City property.",
        responsible=Responsible.COORDINATING_OFFICES,
        rules=(_I,),
        evidence="Meeting notes or agreements with those bodies.",
    ),
    ObligationSpec(
        key="s8_1_committee_property_access",
        section="EO 13 §8(1)",
        title="Committee: coordinate property access with DOE, H+H and others",
        summary="The Committee, with Chief Counsel, MOIA and the Law Department, coordinates with the Department of "
        "Education, NYC Health + Hospitals and other public bodies on access to City property.",
        responsible=Responsible.COMMITTEE,
        rules=(_I,),
        evidence="Meeting notes or agreements with those bodies.",
    ),
    ObligationSpec(
        key="s8_2_committee_coordination",
        section="EO 13 §8(2)",
        title="Committee: coordinate with DOE and the public benefit corporations",
        summary="The Committee coordinates with the Department of Education and every public benefit corporation "
        "whose board the Mayor appoints the majority of.",
        responsible=Responsible.COMMITTEE,
        rules=(_I,),
        evidence="Records of the coordination.",
    ),
    ObligationSpec(
        key="s8_2_committee_resources",
        section="EO 13 §8(2)",
        title="Work with the Committee and give the resources asked for",
        summary="Cooperate with the Committee and provide the resources the First Deputy Mayor asks for.",
        responsible=Responsible.MAYORAL_AGENCIES,
        rules=(_I,),
        evidence="Resource requests received and the agency's answers.",
    ),
    ObligationSpec(
        key="s8_2_resource_request",
        section="EO 13 §8(2)",
        title="Answer the First Deputy Mayor's resource request",
        summary="The First Deputy Mayor asked your office for resources by a date. Say what you can provide.",
        responsible=Responsible.EVENT_AGENCY,
        rules=("promptly after resources-requested",),
        evidence="The answer recorded on the resource request.",
    ),
)
