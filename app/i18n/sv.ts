import { caseFactsSv } from "./case-facts.sv";
/**
 * The Swedish message catalogue: the source language of the interface. Keys are English,
 * grouped by the page or concept they belong to. en.ts must have the same keys.
 */
import { casesSv } from "./cases.sv";
import { adminSv } from "./admin.sv";
import { deskSv } from "./desk.sv";
import { feedbackSv } from "./feedback.sv";
import { intakeSv } from "./intake.sv";
import { matchingSv } from "./matching.sv";
import { oversightSv } from "./oversight.sv";

export const sv = {
  ...casesSv,
  ...deskSv,
  ...feedbackSv,
  ...caseFactsSv,
  ...intakeSv,
  ...oversightSv,
  ...adminSv,
  ...matchingSv,
  "app.name": "Värna",
  "app.unit": "Socialtjänsten – Barn och unga",
  "nav.skip": "Hoppa till innehållet",
  "nav.main": "Huvudmeny",
  "nav.report": "Gör en orosanmälan",
  "nav.cases": "Ärenden",
  "nav.myReports": "Mina anmälningar",
  "nav.audit": "Granskning",
  "nav.admin": "Administration",
  "nav.account": "Mitt konto",
  "account.metaTitle": "Mitt konto – Värna",
  "account.title": "Mitt konto",
  "account.details": "{name}, {email} ({role})",
  "account.passwordTitle": "Byt lösenord",
  "account.required": "Välj ett eget lösenord innan du fortsätter. Lösenordet du fick av administratören gäller bara tills du har bytt det.",
  "account.lead": "När du byter lösenord loggas du ut överallt där du är inloggad, utom här: här fortsätter du med det nya.",
  "account.current": "Nuvarande lösenord",
  "account.password": "Nytt lösenord",
  "account.passwordHint": "Minst {min} tecken. En mening av flera ord är lätt att minnas och svår att gissa.",
  "account.repeat": "Nytt lösenord igen",
  "account.submit": "Byt lösenord",
  "account.done": "Ditt lösenord är bytt.",
  "account.continue": "Fortsätt till sidan du skulle till",
  "account.wrongCurrent": "Det nuvarande lösenordet stämmer inte.",
  "account.repeatMismatch": "Lösenorden är inte lika. Skriv samma nya lösenord två gånger.",
  "account.samePassword": "Välj ett annat lösenord än det nuvarande.",
  "nav.signIn": "Logga in",
  "nav.signOut": "Logga ut",
  "nav.signedInAs": "Inloggad som {name}",
  "nav.language": "In English",
  "role.reporter": "Anmälare",
  "role.caseworker": "Handläggare",
  "role.teamLead": "Arbetsledare",
  "role.auditor": "Granskare",
  "role.admin": "Administratör",

  "error.title": "Något gick fel",
  "error.notFound": "Sidan finns inte.",
  "error.forbidden": "Du har inte behörighet till den här sidan.",
  "error.generic": "Ett oväntat fel inträffade. Försök igen om en stund.",
  "error.badRequest": "Begäran kunde inte behandlas.",
  "error.notFound.title": "Sidan finns inte",
  "error.forbidden.title": "Ingen behörighet",
  "error.badRequest.title": "Felaktig begäran",
  "error.backHome": "Till startsidan",
  "error.tooManyReports":
    "Många anmälningar har skickats härifrån på kort tid. Vänta en stund och försök igen – är ett barn i akut fara, ring 112.",
  "error.unavailable": "Tjänsten är tillfälligt otillgänglig. Försök igen om en liten stund.",

  "home.title": "Värna – orosanmälningar om barn",
  "home.lead":
    "Är du orolig för att ett barn far illa? Du kan göra en orosanmälan till socialtjänsten i {municipality}.",
  "home.toStart": "Till din startsida",
  "home.staff": "Personal och anmälare med konto loggar in för att se ärenden och anmälningar.",

  "acute.title": "Är ett barn i akut fara?",
  "acute.text": "Ring 112. Utanför kontorstid ({officeHours}) kan du be att få tala med socialjouren.",
  "acute.textWithoutHours": "Ring 112. Utanför kontorstid kan du be att få tala med socialjouren.",
  "acute.phone": "Kommunens växel:",

  "login.title": "Logga in",
  "login.email": "E-postadress",
  "login.password": "Lösenord",
  "login.submit": "Logga in",
  "login.failed": "Fel e-postadress eller lösenord.",
  "login.rateLimited": "För många misslyckade försök. Vänta en stund och försök igen.",
  "login.signedOut": "Du är utloggad.",

  "myReports.title": "Mina anmälningar",
  "myReports.lead": "Här ser du de anmälningar du gjort med ditt konto och den återkoppling socialtjänsten har gett.",
  "myReports.none": "Du har inte gjort några anmälningar med det här kontot.",
  "myReports.reference": "Anmälningsnummer",
  "myReports.received": "Inkom",
  "myReports.child": "Barn",
  "myReports.feedback": "Återkoppling",
  "myReports.noFeedback": "Ingen återkoppling ännu",
  "myReports.receipt": "Kvittens (PDF)",
  "myReports.letter": "brev (PDF)",
  "feedback.investigationOpened": "Utredning har inletts",
  "feedback.notOpened": "Utredning har inte inletts",
  "feedback.alreadyUnderway": "Utredning pågår redan",
  "feedback.unknown": "Återkoppling",
  "receipt.title": "Tack – din anmälan är mottagen",
  "receipt.reference": "Anmälningsnummer:",
  "receipt.received": "Mottagen:",
  "receipt.next":
    "Socialtjänsten gör en skyddsbedömning samma dag eller senast nästa dag, och beslutar inom 14 dagar om en utredning ska inledas. Spara anmälningsnumret om du vill kontakta oss om anmälan.",
  "receipt.download": "Ladda ner kvittensen (PDF)",
  "field.required": "Fyll i fältet.",
  "field.tooLong": "Texten är för lång (högst {max} tecken).",
  "field.invalid": "Ogiltigt värde.",
  "field.invalidChoice": "Välj ett av alternativen.",
  "field.email": "Ange en giltig e-postadress, t.ex. namn@exempel.se.",
  "field.phone": "Ange ett giltigt telefonnummer, t.ex. 0523-61 30 00.",
  "field.date": "Ange ett giltigt datum (ÅÅÅÅ-MM-DD).",
  "field.dateInFuture": "Datumet kan inte ligga i framtiden.",
  "field.time": "Ange en giltig tid (TT:MM).",
  "field.controlChars": "Texten innehåller otillåtna tecken.",
  "field.personalNumber":
    "Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra (ÅÅÅÅMMDD-NNNN).",
  "field.age": "Ange en ålder mellan 0 och 25.",
  "form.errorSummary": "Formuläret innehåller fel. Rätta fälten som är markerade.",
  "form.stale": "Formuläret har gått ut. Ladda om sidan och försök igen.",
} as const;

export type MessageKey = keyof typeof sv;
