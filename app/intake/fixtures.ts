/**
 * A complete, valid concern report as the form posts it: a private person (not anonymous)
 * about a child with a valid personnummer. For unit, integration and end-to-end tests.
 * Each call has a fresh idempotency key, so two reports built from it are two reports.
 */
export function validIntakeFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    idempotencyKey: crypto.randomUUID(),
    website: "",
    reporterKind: "private",
    reporterName: "Eva Andersson",
    reporterOrganisation: "",
    reporterTitle: "",
    reporterPhone: "070-123 45 67",
    reporterEmail: "eva.andersson@example.se",
    childName: "Alva Karlsson",
    childPersonalNumber: "20140315-2380",
    childBirthDate: "",
    childAddress: "Kungsgatan 12, 453 30 Lysekil",
    childSchool: "Gullmarsskolan",
    childWhereabouts: "I skolan",
    guardian1Name: "Maria Karlsson",
    guardian1Phone: "070-765 43 21",
    guardian1Email: "",
    guardian1Address: "Kungsgatan 12, 453 30 Lysekil",
    guardian1Knows: "no",
    guardian2Name: "",
    guardian2Phone: "",
    guardian2Email: "",
    guardian2Address: "",
    sibling1Name: "Leo Karlsson",
    sibling1Age: "6",
    sibling2Name: "",
    sibling2Age: "",
    sibling3Name: "",
    sibling3Age: "",
    sibling4Name: "",
    sibling4Age: "",
    concernWhat:
      "Alva har flera gånger kommit till skolan utan mat och med för lite kläder. Hon säger att hon är ensam hemma på kvällarna.",
    concernWhen: "Senast i måndags",
    concernDuration: "Sedan i höstas",
    concernIfNothing: "Att hon far illa av att vara ensam och utan mat.",
    childKnows: "unknown",
    interpreterLanguage: "",
    violence: "no",
    ...overrides,
  };
}

/** The same fields as FormData (what the browser posts). */
export function validIntakeFormData(overrides: Record<string, string> = {}): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(validIntakeFields(overrides))) formData.append(name, value);
  return formData;
}
