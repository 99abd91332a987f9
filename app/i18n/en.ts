import { caseFactsEn } from "./case-facts.en";
import { casesEn } from "./cases.en";
import { adminEn } from "./admin.en";
import { deskEn } from "./desk.en";
import { feedbackEn } from "./feedback.en";
import { intakeEn } from "./intake.en";
import { matchingEn } from "./matching.en";
import { oversightEn } from "./oversight.en";
import type { MessageKey } from "./sv";

export const en: Record<MessageKey, string> = {
  ...casesEn,
  ...deskEn,
  ...feedbackEn,
  ...caseFactsEn,
  ...intakeEn,
  ...oversightEn,
  ...adminEn,
  ...matchingEn,
  "app.name": "Värna",
  "app.unit": "Social Services – Children and Young People",
  "nav.skip": "Skip to content",
  "nav.main": "Main menu",
  "nav.report": "Report a concern",
  "nav.cases": "Cases",
  "nav.myReports": "My reports",
  "nav.audit": "Audit",
  "nav.admin": "Administration",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.signedInAs": "Signed in as {name}",
  "nav.language": "På svenska",
  "role.reporter": "Reporter",
  "role.caseworker": "Caseworker",
  "role.teamLead": "Team lead",
  "role.auditor": "Auditor",
  "role.admin": "Administrator",

  "error.title": "Something went wrong",
  "error.notFound": "The page does not exist.",
  "error.forbidden": "You do not have access to this page.",
  "error.generic": "An unexpected error occurred. Please try again shortly.",
  "error.badRequest": "The request could not be processed.",
  "error.notFound.title": "Page not found",
  "error.forbidden.title": "No access",
  "error.badRequest.title": "Bad request",
  "error.backHome": "To the start page",
  "error.tooManyReports":
    "Many reports have been sent from here in a short time. Please wait a while and try again – if a child is in acute danger, call 112.",
  "error.unavailable": "The service is temporarily unavailable. Please try again shortly.",

  "home.title": "Värna – concern reports about children",
  "home.lead":
    "Are you worried that a child is being harmed? You can report your concern to the social services of {municipality}.",
  "home.toStart": "To your start page",
  "home.staff": "Staff and reporters with an account sign in to see cases and reports.",

  "acute.title": "Is a child in acute danger?",
  "acute.text": "Call 112. Outside office hours ({officeHours}) you can ask for the social emergency service (socialjouren).",
  "acute.textWithoutHours": "Call 112. Outside office hours you can ask for the social emergency service (socialjouren).",
  "acute.phone": "Municipal switchboard:",

  "login.title": "Sign in",
  "login.email": "E-mail address",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.failed": "Wrong e-mail address or password.",
  "login.rateLimited": "Too many failed attempts. Wait a while and try again.",
  "login.signedOut": "You are signed out.",

  "myReports.title": "My reports",
  "myReports.lead": "The reports you made with your account and the feedback the social services have given.",
  "myReports.none": "You have not made any reports with this account.",
  "myReports.reference": "Reference",
  "myReports.received": "Received",
  "myReports.child": "Child",
  "myReports.feedback": "Feedback",
  "myReports.noFeedback": "No feedback yet",
  "myReports.receipt": "Receipt (PDF)",
  "myReports.letter": "letter (PDF)",
  "feedback.investigationOpened": "An investigation has been opened",
  "feedback.notOpened": "No investigation has been opened",
  "feedback.alreadyUnderway": "An investigation is already under way",
  "feedback.unknown": "Feedback",
  "receipt.title": "Thank you – your report has been received",
  "receipt.reference": "Reference number:",
  "receipt.received": "Received:",
  "receipt.next":
    "The social services assess the child's need of protection the same day or the next, and decide within 14 days whether to open an investigation. Keep the reference number if you want to contact us about the report.",
  "receipt.download": "Download the receipt (PDF)",
  "field.required": "Please fill in this field.",
  "field.tooLong": "The text is too long (at most {max} characters).",
  "field.invalid": "Invalid value.",
  "field.invalidChoice": "Choose one of the options.",
  "field.email": "Enter a valid e-mail address, e.g. name@example.com.",
  "field.phone": "Enter a valid phone number, e.g. 0523-61 30 00.",
  "field.date": "Enter a valid date (YYYY-MM-DD).",
  "field.dateInFuture": "The date cannot be in the future.",
  "field.time": "Enter a valid time (HH:MM).",
  "field.controlChars": "The text contains characters that are not allowed.",
  "field.personalNumber":
    "The personal identity or coordination number is not valid. Check the date and the check digit (YYYYMMDD-NNNN).",
  "field.age": "Enter an age between 0 and 25.",
  "form.errorSummary": "The form has errors. Correct the marked fields.",
  "form.stale": "The form has expired. Reload the page and try again.",
};
