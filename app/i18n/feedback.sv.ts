/**
 * Swedish texts for återkoppling to mandated reporters: withheld with a reason (SoL 14 kap.
 * 1 b §), sent later, and the reporters still waiting. Merged into the catalogue in sv.ts;
 * en.ts gets the same keys from feedback.en.ts.
 */
export const feedbackSv = {
  "cases.field.withholdFeedback": "Återkoppling till anmälaren",
  "cases.field.withholdFeedback.yes": "Lämna inte återkoppling nu",
  "cases.field.withholdFeedback.hint":
    "Den anmälningsskyldiga anmälaren får återkoppling så snart beslutet är godkänt. Kryssa bara i om återkoppling är olämplig med hänsyn till barnets bästa eller hindras av sekretess (SoL 14 kap. 1 b §).",
  "cases.field.feedbackWithheldReason": "Skäl till att återkoppling inte lämnas",
  "cases.field.feedbackWithheldReason.hint": "Skälet syns för arbetsledaren tills återkopplingen har skickats.",
  "cases.error.feedbackWithheldReasonRequired": "Skriv varför återkoppling inte ska lämnas till anmälaren.",
  "refusal.feedbackReasonRequired": "Skriv varför återkoppling inte ska lämnas till anmälaren.",
  "refusal.noFeedbackToWithhold": "Ingen anmälningsskyldig anmälare väntar på återkoppling om det här beslutet.",
  "refusal.feedbackNotWithheld": "Återkopplingen till den anmälaren är inte undanhållen, eller är redan skickad.",
  "command.FEEDBACK_SENT": "Skicka återkoppling som hållits inne",
  "command.FEEDBACK_SENT.submit": "Skicka återkopplingen",
  "command.FEEDBACK_SENT.done": "Återkopplingen är skapad och arkiverad.",
  "command.FEEDBACK_SENT.hint": "Återkopplingen säger vad beslutet blev och när det fattades.",
  "cases.field.feedbackReport": "Vilken anmälare",
  "cases.field.feedbackReport.option": "{reporter} – hölls inne: {reason}",
  "cases.event.FEEDBACK_SENT": "Återkoppling skickad till anmälaren",
  "cases.record.feedbackWithheld": "Återkoppling till anmälaren lämnas inte: {reason}",
  "cases.feedback.title": "Återkoppling till anmälare",
  "cases.feedback.none": "Ingen anmälningsskyldig anmälare på ärendet.",
  "cases.feedback.sent": "Skickad {date}",
  "cases.feedback.withheld": "Hålls inne sedan beslutet {date}",
  "cases.feedback.withheldThenSent": "Hölls inne med skälet: {reason}",
  "cases.feedback.reason": "Skäl ({name}): {reason}",
  "cases.feedback.notYet": "Lämnas när beslutet är godkänt",
  "cases.feedback.missing": "Beslut fattat, men ingen återkoppling är skapad",
  "desk.feedback.title": "Anmälare som väntar på återkoppling",
  "desk.feedback.none": "Ingen anmälare väntar på återkoppling.",
  "desk.feedback.decided": "beslut {date}",
  "desk.feedback.withheld": "Hålls inne: {reason}",
  "desk.feedback.noReason": "Ingen återkoppling skapad och inget skäl antecknat.",
  "desk.feedback.open": "Öppna ärendet",
} as const;
