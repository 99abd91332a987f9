/** The concern-report form's texts (Swedish, the source language). Merged into sv.ts. */
export const intakeSv = {
  "intake.title": "Gör en orosanmälan",
  "intake.lead":
    "Är du orolig för att ett barn far illa kan du anmäla det till socialtjänsten. Fält märkta (obligatoriskt) måste fyllas i. Övriga fält fyller du i om du vet.",
  "intake.requiredMark": "(obligatoriskt)",
  "intake.submit": "Skicka anmälan",
  "intake.choice.yes": "Ja",
  "intake.choice.no": "Nej",
  "intake.choice.unknown": "Vet inte",

  "intake.reporter.legend": "Om dig som anmäler",
  "intake.reporter.kind": "Jag anmäler som",
  "intake.reporter.kind.private": "Privatperson",
  "intake.reporter.kind.mandated": "Anmälningsskyldig",
  "intake.reporter.kind.mandatedHint":
    "Du är anmälningsskyldig om du arbetar till exempel i skola, förskola, hälso- och sjukvård, polis eller socialtjänst.",
  "intake.reporter.anonymous": "Jag vill vara anonym",
  "intake.reporter.anonymousHint":
    "Bara privatpersoner kan vara anonyma. Om du är anonym sparas inte ditt namn eller dina kontaktuppgifter.",
  "intake.reporter.name": "Ditt namn",
  "intake.reporter.nameHint": "Krävs om du inte är anonym.",
  "intake.reporter.organisation": "Verksamhet eller organisation",
  "intake.reporter.title": "Yrkesroll",
  "intake.reporter.phone": "Telefonnummer",
  "intake.reporter.email": "E-postadress",
  "intake.reporter.mandatedOnly": "Krävs för anmälningsskyldiga.",

  "intake.child.legend": "Barnet",
  "intake.child.name": "Barnets namn",
  "intake.child.personalNumber": "Personnummer eller samordningsnummer",
  "intake.child.personalNumberHint": "ÅÅÅÅMMDD-NNNN. Lämna tomt om du inte vet det.",
  "intake.child.birthDate": "Födelsedatum",
  "intake.child.birthDateHint": "ÅÅÅÅ-MM-DD. Fyll i om du inte vet personnumret.",
  "intake.child.address": "Barnets adress",
  "intake.child.school": "Skola eller förskola",
  "intake.child.whereabouts": "Var är barnet nu?",
  "intake.child.protectedIdentity": "Barnet har skyddade personuppgifter",
  "intake.child.protectedIdentityHint": "Kryssa i om du vet att barnets adress är hemlig.",

  "intake.guardian.legend": "Vårdnadshavare {n}",
  "intake.guardian.hint": "Fyll i det du vet. Lämna tomt om du inte känner till någon vårdnadshavare.",
  "intake.guardian.name": "Namn",
  "intake.guardian.phone": "Telefonnummer",
  "intake.guardian.email": "E-postadress",
  "intake.guardian.address": "Adress",
  "intake.guardian.knows": "Vet vårdnadshavaren om anmälan?",

  "intake.siblings.legend": "Syskon",
  "intake.siblings.hint":
    "Ett barn per anmälan. Oroar du dig för ett syskon gör du en egen anmälan för det barnet.",
  "intake.sibling.name": "Syskon {n}, namn",
  "intake.sibling.age": "Syskon {n}, ålder",

  "intake.concern.legend": "Din oro",
  "intake.concern.what": "Vad har hänt? Beskriv din oro",
  "intake.concern.whatHint": "Beskriv så konkret du kan vad du har sett, hört eller fått veta.",
  "intake.concern.when": "När hände det?",
  "intake.concern.duration": "Hur länge har du varit orolig?",
  "intake.concern.ifNothing": "Vad tror du kan hända om ingen gör något?",
  "intake.concern.childKnows": "Vet barnet om att du gör en anmälan?",

  "intake.violence.legend": "Våld eller övergrepp",
  "intake.violence.question": "Gäller oron något av detta? Kryssa i allt som stämmer.",
  "intake.violence.hint":
    "Svaret avgör hur socialtjänsten går vidare. Vid våld eller övergrepp kontaktas inte vårdnadshavarna förrän socialtjänsten har bestämt hur.",
  "intake.violence.familyViolence": "Våld eller andra övergrepp av en närstående",
  "intake.violence.sexualAbuse": "Sexuella övergrepp",
  "intake.violence.honourViolence": "Hedersrelaterat våld eller förtryck",
  "intake.violence.none": "Inget av detta, eller vet inte",

  "intake.interpreter.legend": "Tolk",
  "intake.interpreter.needed": "Barnet eller familjen behöver tolk",
  "intake.interpreter.language": "Språk",
  "intake.interpreter.languageHint": "Krävs om tolk behövs.",

  "intake.honeypot": "Lämna tomt",

  "intake.error.mandatedAnonymous":
    "Anmälningsskyldiga kan inte vara anonyma. Ta bort krysset eller välj Privatperson.",
  "intake.error.violenceRequired": "Svara på frågan. Kryssa i minst ett alternativ.",
  "intake.error.violenceContradiction":
    "Du har kryssat i både ”Inget av detta” och en typ av våld. Välj det som stämmer.",
  "intake.error.birthDateMismatch": "Födelsedatumet stämmer inte med personnumret.",
} as const;
