"""Every action the audit log records, in one place (issue 11 point 3).

The value is what is stored and hashed into the chain, so a value never changes once entries carry it; the label is
what people read where the log is shown. ``audit_record`` takes only these members: an action missing here is a
``ValueError`` at the call, and ``tests/audit/test_actions.py`` checks every call in the tree names a member.
"""

from django.db import models


class AuditAction(models.TextChoices):
    # Django admin (superusers), through the admin's own log.
    ADMIN_ADD = "admin.add", "Added in the admin site"
    ADMIN_CHANGE = "admin.change", "Changed in the admin site"
    ADMIN_DELETE = "admin.delete", "Deleted in the admin site"
    ADMIN_OTHER = "admin.other", "Other admin-site action"

    # Accounts, sign-in and tokens.
    ACCOUNTS_SYNC_HR = "accounts.sync_hr", "Accounts matched to the HR list"
    API_TOKEN_CREATE = "api_token.create", "API token made"
    API_TOKEN_REVOKE = "api_token.revoke", "API token revoked"
    API_TOKEN_REVOKE_ALL = "api_token.revoke_all", "All API tokens revoked"
    GROUP_MAPPING_CREATE = "group_mapping.create", "Sign-in group mapped to a role"
    GROUP_MAPPING_DELETE = "group_mapping.delete", "Sign-in group mapping removed"
    USER_CREATE_DEMO = "user.create_demo", "Demo account made"
    USER_CREATE_FROM_CLAIMS = "user.create_from_claims", "Account made at City sign-in"
    USER_UPDATE_FROM_CLAIMS = "user.update_from_claims", "Account updated at City sign-in"
    USER_MEMBERSHIPS_FROM_GROUPS = "user.memberships_from_groups", "Roles set from sign-in groups"
    USER_DEACTIVATE = "user.deactivate", "Account switched off"
    USER_MFA_ENROL_START = "user.mfa_enrol_start", "Two-step sign-in set-up started"
    USER_MFA_ENROL = "user.mfa_enrol", "Two-step sign-in set up"
    USER_MFA_PASS = "user.mfa_pass", "Two-step sign-in passed"
    USER_MFA_RECOVERY_CODES_RENEW = "user.mfa_recovery_codes_renew", "Recovery codes renewed"
    USER_SIGN_IN_REFUSED = "user.sign_in_refused", "Sign-in refused"
    USER_PASSWORD_CHANGE = "user.password_change", "Password changed"
    USER_SESSIONS_REVOKE = "user.sessions_revoke", "Signed out everywhere"

    # Agencies.
    AGENCY_UPDATE_COUNSEL = "agency.update_counsel", "Agency counsel contact updated"

    # Access by outside agents (EO 13 §3, §4).
    AGREEMENT_CREATE = "agreement.create", "Agreement recorded"
    DECISION_RECORD = "decision.record", "Access decision recorded"
    ENCOUNTER_CREATE = "encounter.create", "Encounter recorded"
    ENCOUNTER_UPDATE = "encounter.update", "Encounter updated"
    EXPORT_REPORT_10_178D = "export.report_10_178d", "§10-178(d) report exported"
    EXPORT_AUDIT_LOG = "export.audit_log", "Audit log exported"
    PROPERTIES_IMPORT = "properties.import", "City properties imported"

    # Detainers.
    DETAINER_COUNT = "detainer.count", "Detainer counts recorded"
    DETAINER_COUNT_DEMO = "detainer.count_demo", "Demo detainer counts recorded"
    EXPORT_DETAINER_REPORT_CSV = "export.detainer_report_csv", "Detainer report exported (CSV)"
    EXPORT_DETAINER_REPORT_PDF = "export.detainer_report_pdf", "Detainer report exported (PDF)"

    # Obligations (duties the order makes).
    OBLIGATION_EVENT_RECORD = "obligation_event.record", "Event recorded that makes duties due"
    OBLIGATION_EVIDENCE_ADD = "obligation.evidence_add", "Evidence added to a duty"
    OBLIGATION_REMINDERS_SENT = "obligation.reminders_sent", "Duty reminders sent"
    OBLIGATION_SUBMITTED = "obligation.submitted", "Duty sent for review"
    OBLIGATION_ACCEPTED = "obligation.accepted", "Duty accepted"
    OBLIGATION_RETURNED = "obligation.returned", "Duty returned"
    OBLIGATION_FULFILLED = "obligation.fulfilled", "Duty fulfilled"
    OBLIGATION_SUPERSEDED = "obligation.superseded", "Duty superseded"
    AUDIT_REPORT_SAVE = "audit_report.save", "Audit report saved"
    CALENDAR_FEED_CREATE = "calendar_feed.create", "Calendar feed made"
    CALENDAR_FEED_REVOKE = "calendar_feed.revoke", "Calendar feed revoked"

    # Policies, translations and §5 materials.
    POLICY_CREATE = "policy.create", "Policy started"
    POLICY_VERSION_START = "policy_version.start", "Policy version started"
    POLICY_VERSION_UPDATE = "policy_version.update", "Policy version edited"
    POLICY_VERSION_SUBMIT = "policy_version.submit", "Policy version sent for review"
    POLICY_VERSION_RETURN = "policy_version.return", "Policy version returned"
    POLICY_VERSION_APPROVE_PUBLISH = "policy_version.approve_publish", "Policy version approved and published"
    POLICY_TRANSLATION_SUBMIT = "policy_translation.submit", "Translation entered"
    POLICY_TRANSLATION_REPLACE = "policy_translation.replace", "Translation replaced"
    POLICY_TRANSLATION_APPROVE = "policy_translation.approve", "Translation approved"
    MATERIAL_CREATE = "material.create", "Material made"
    MATERIAL_UPDATE = "material.update", "Material edited"
    MATERIAL_APPROVE = "material.approve", "Material approved"
    MATERIAL_SEND = "material.send", "Material sent to agencies"
    DISSEMINATION_CONFIRM = "dissemination.confirm", "Material shared with staff (confirmed)"

    # Privacy (EO 13 §6).
    II_REQUEST_CREATE = "ii_request.create", "Information request logged"
    II_REQUEST_ASSIGN = "ii_request.assign", "Information request assigned"
    II_REQUEST_DECIDE = "ii_request.decide", "Information request decided"
    II_REQUEST_DISCLOSE = "ii_request.disclose", "Information disclosed"
    II_REQUEST_REFER = "ii_request.refer", "Information request referred"
    PRIVACY_OFFICER_DESIGNATE = "privacy_officer.designate", "Privacy officer designated"
    PRIVACY_OFFICER_END = "privacy_officer.end", "Privacy officer designation ended"
    PRIVACY_OFFICER_UPDATE_CONTACT = "privacy_officer.update_contact", "Privacy officer contact updated"
    PRIVACY_OFFICER_VACANCY = "privacy_officer.vacancy", "Privacy officer post vacant"
    PRIVACY_PROTOCOL_PUBLISH = "privacy_protocol.publish", "Privacy protocol published"
    PRIVACY_PROTOCOL_ACKNOWLEDGE = "privacy_protocol.acknowledge", "Privacy protocol acknowledged"
    PRIVACY_REPORT_EXPORT = "privacy_report.export", "Privacy report exported"
    PRIVACY_TRAINING_CREATE = "privacy_training.create", "Privacy training session added"
    PRIVACY_TRAINING_ATTEND = "privacy_training.attend", "Privacy training attendance recorded"

    # Training (EO 13 §2(2)).
    TRAINING_COURSE_CREATE = "training.course_create", "Training course added"
    TRAINING_PERSON_CREATE = "training.person_create", "Person added to the training roster"
    TRAINING_PERSON_UPDATE = "training.person_update", "Training roster entry updated"
    TRAINING_ROSTER_IMPORT = "training.roster_import", "Training roster imported"
    TRAINING_COMPLETION_RECORD = "training.completion_record", "Training completion recorded"
    TRAINING_COMPLETIONS_IMPORT = "training.completions_import", "Training completions imported"

    # Interagency Response Committee (EO 13 §7, §8).
    COMMITTEE_MEMBER_DESIGNATE = "committee_member.designate", "Committee member designated"
    COMMITTEE_MEMBER_DEPART = "committee_member.depart", "Committee member left"
    COMMITTEE_MEMBER_CHASE = "committee_member.chase", "Agency asked to designate a member"
    COMMITTEE_TASK_ASSIGN = "committee_task.assign", "Committee task assigned"
    COMMITTEE_TASK_ANSWER = "committee_task.answer", "Committee task answered"
    CRISIS_OPEN = "crisis.open", "Crisis opened"
    CRISIS_UPDATE = "crisis.update", "Crisis updated"
    CRISIS_TIMELINE_POST = "crisis.timeline_post", "Crisis timeline update posted"
    GUIDANCE_DRAFT = "guidance.draft", "Crisis guidance drafted"
    GUIDANCE_APPROVE = "guidance.approve", "Crisis guidance approved"
    GUIDANCE_SEND = "guidance.send", "Crisis guidance sent"
    GUIDANCE_CONFIRM = "guidance.confirm", "Crisis guidance receipt confirmed"
    MAYOR_REPORT_EDIT = "mayor_report.edit", "Report to the Mayor edited"
    MAYOR_REPORT_APPROVE = "mayor_report.approve", "Report to the Mayor approved"
    MAYOR_REPORT_DIRECT = "mayor_report.direct", "Report directed by the Mayor"
    OUTSIDE_CONTACT_LOG = "outside_contact.log", "Outside contact logged"
    RESOURCE_REQUEST_MAKE = "resource_request.make", "Resource request made"
    RESOURCE_REQUEST_ANSWER = "resource_request.answer", "Resource request answered"
    RISK_RECORD = "risk.record", "Risk recorded"

    # Operations.
    RETENTION_PURGE = "retention.purge", "Old records removed (retention)"
    RETENTION_PURGE_DRY_RUN = "retention.purge_dry_run", "Retention purge rehearsed (nothing removed)"


def action_label(value: str) -> str:
    """The words for a stored action; an entry written before its action was named keeps its raw value."""
    try:
        return str(AuditAction(value).label)
    except ValueError:
        return value
