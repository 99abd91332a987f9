import type { intakeSv } from "./intake.sv";

/** The concern-report form's texts in English. Merged into en.ts. */
export const intakeEn: Record<keyof typeof intakeSv, string> = {
  "intake.title": "Report a concern about a child",
  "intake.lead":
    "If you are worried that a child is being harmed, you can report it to the social services. Fields marked (required) must be filled in. Fill in the others if you know.",
  "intake.requiredMark": "(required)",
  "intake.submit": "Send the report",
  "intake.choice.yes": "Yes",
  "intake.choice.no": "No",
  "intake.choice.unknown": "Don't know",

  "intake.reporter.legend": "About you",
  "intake.reporter.kind": "I am reporting as",
  "intake.reporter.kind.private": "A private person",
  "intake.reporter.kind.mandated": "A mandated reporter",
  "intake.reporter.kind.mandatedHint":
    "You are a mandated reporter if you work, for example, in a school, preschool, health care, the police or the social services.",
  "intake.reporter.anonymous": "I want to be anonymous",
  "intake.reporter.anonymousHint":
    "Only private persons may be anonymous. If you are anonymous, your name and contact details are not kept.",
  "intake.reporter.name": "Your name",
  "intake.reporter.nameHint": "Required unless you are anonymous.",
  "intake.reporter.organisation": "Workplace or organisation",
  "intake.reporter.title": "Role",
  "intake.reporter.phone": "Phone number",
  "intake.reporter.email": "E-mail address",
  "intake.reporter.mandatedOnly": "Required for mandated reporters.",

  "intake.child.legend": "The child",
  "intake.child.name": "The child's name",
  "intake.child.personalNumber": "Personal identity number or coordination number",
  "intake.child.personalNumberHint": "YYYYMMDD-NNNN. Leave empty if you do not know it.",
  "intake.child.birthDate": "Date of birth",
  "intake.child.birthDateHint": "YYYY-MM-DD. Fill in if you do not know the personal identity number.",
  "intake.child.address": "The child's address",
  "intake.child.school": "School or preschool",
  "intake.child.whereabouts": "Where is the child now?",
  "intake.child.protectedIdentity": "The child has protected personal data",
  "intake.child.protectedIdentityHint": "Tick if you know that the child's address is confidential.",

  "intake.guardian.legend": "Guardian {n}",
  "intake.guardian.hint":
    "Fill in what you know. Leave empty if you do not know of a guardian. You may leave the question whether the guardian knows unanswered; it is then kept as I don't know.",
  "intake.guardian.name": "Name",
  "intake.guardian.phone": "Phone number",
  "intake.guardian.email": "E-mail address",
  "intake.guardian.address": "Address",
  "intake.guardian.knows": "Does the guardian know about the report?",

  "intake.siblings.legend": "Siblings",
  "intake.siblings.hint":
    "One child per report. If you are worried about a sibling, make a separate report for that child.",
  "intake.sibling.name": "Sibling {n}, name",
  "intake.sibling.age": "Sibling {n}, age",

  "intake.concern.legend": "Your concern",
  "intake.concern.what": "What has happened? Describe your concern",
  "intake.concern.whatHint": "Describe as concretely as you can what you have seen, heard or been told.",
  "intake.concern.when": "When did it happen?",
  "intake.concern.duration": "How long have you been worried?",
  "intake.concern.ifNothing": "What do you think may happen if nothing is done?",
  "intake.concern.childKnows": "Does the child know that you are reporting?",

  "intake.violence.legend": "Violence or abuse",
  "intake.violence.question": "Does your concern involve any of these? Tick all that apply.",
  "intake.violence.hint":
    "The answer decides how the social services proceed. In cases of violence or abuse, the guardians are not contacted until the social services have decided how.",
  "intake.violence.familyViolence": "Violence or other abuse by a family member",
  "intake.violence.sexualAbuse": "Sexual abuse",
  "intake.violence.honourViolence": "Honour-related violence or oppression",
  "intake.violence.no": "No, none of these",
  "intake.violence.unknown": "I don't know",

  "intake.interpreter.legend": "Interpreter",
  "intake.interpreter.needed": "The child or the family needs an interpreter",
  "intake.interpreter.language": "Language",
  "intake.interpreter.languageHint": "Required if an interpreter is needed.",

  "intake.honeypot": "Leave empty",

  "intake.error.mandatedAnonymous":
    "Mandated reporters cannot be anonymous. Untick the box or choose A private person.",
  "intake.error.violenceRequired": "Answer the question. Tick at least one option.",
  "intake.error.violenceContradiction":
    "You ticked No or I don't know as well as a kind of violence. Choose what applies.",
  "intake.error.birthDateMismatch": "The date of birth does not match the personal identity number.",

  "intake.steps.label": "Steps of the form",
  "intake.steps.of": "Step {n} of {total}",
  "intake.step.reporter": "About you",
  "intake.step.child": "The child",
  "intake.step.family": "The family",
  "intake.step.concern": "Your concern",
  "intake.step.review": "Review and send",
  "intake.review.lead": "Read your answers through before sending. The links at the top take you back to each step.",
  "intake.review.notAnswered": "Not answered",
  "intake.review.reporterKind": "You report as",
  "intake.review.anonymous": "Anonymous",
  "intake.review.child": "The child",
  "intake.review.identity": "Personal identity number, date of birth or age",
  "intake.review.guardians": "Guardians",
  "intake.review.concern": "Your concern",
  "intake.review.violence": "Violence or abuse",
  "intake.review.police": "Police report",
  "intake.officeHours":
    "Reports are read on weekdays 08–16. If it is urgent outside office hours, call the municipality's switchboard 0523-61 30 00 or 112 and ask for the social emergency service (socialjouren).",
  "intake.reporter.mandatedIdentity":
    "As a mandated reporter you cannot be anonymous. The guardians normally have the right to know who made the report.",
  "intake.reporter.relation": "Your relation to the child",
  "intake.reporter.relationHint": "For example neighbour, relative or a friend's parent. Private persons only.",
  "intake.reporter.requiredNow": "Required now.",
  "intake.child.age": "The child's age",
  "intake.child.ageHint": "Fill in if you do not know the date of birth. An approximate age will do.",
  "intake.child.livesWith": "Who does the child live with?",
  "intake.child.livesWithHint": "For example both parents, mother, father, alternating, or a foster home.",
  "intake.concern.childView": "What does the child think?",
  "intake.concern.childViewHint": "If you know what the child has said about their situation. Leave empty if you do not know.",
  "intake.concern.policeReport": "Has anyone reported this to the police?",
  "intake.error.violenceNoAndUnknown": "Choose either No or I don't know, not both.",

  "report.answers.relation": "The reporter's relation to the child",
  "report.answers.childAge": "The child's age as reported",
  "report.answers.years": "{age} years",
  "report.answers.livesWith": "The child lives with",
  "report.answers.childView": "The child's own view",
  "report.answers.police": "Police report made",
  "report.answers.violence": "Answer to the violence or abuse question",
  "report.answers.notAnswered": "Not answered",
};
