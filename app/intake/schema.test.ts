import { describe, expect, it } from "vitest";

import { translate } from "~/i18n";

import { validIntakeFields, validIntakeFormData } from "./fixtures";
import {
  createIntakeSchema,
  defaultsForReporter,
  honeypotFilled,
  intakeSchema,
  MAX_LENGTHS,
  parseIntake,
} from "./schema";
import type { IntakeInput } from "./types";

const schema = createIntakeSchema(() => new Date("2025-06-15T10:00:00Z"));
const KEY = "3f2b8c1e-7d4a-4e9b-a1c2-5d6e7f8a9b0c";

function parse(overrides: Record<string, string> = {}, extra?: (fd: FormData) => void) {
  const formData = validIntakeFormData({ idempotencyKey: KEY, ...overrides });
  extra?.(formData);
  return parseIntake(formData, { schema });
}

function errorsOf(overrides: Record<string, string> = {}, extra?: (fd: FormData) => void) {
  const submission = parse(overrides, extra);
  expect(submission.status).toBe("error");
  return submission.status === "error" ? submission.error ?? {} : {};
}

function valueOf(overrides: Record<string, string> = {}, extra?: (fd: FormData) => void) {
  const submission = parse(overrides, extra);
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value;
}

const mandated = {
  reporterKind: "mandated",
  reporterName: "Karin Berg",
  reporterOrganisation: "Gullmarsskolan",
  reporterTitle: "Kurator",
  reporterPhone: "0523-61 30 00",
  reporterEmail: "",
  reporterSector: "school",
};

describe("intakeSchema", () => {
  it("parses a full valid form into exactly the expected IntakeInput", () => {
    const expected: IntakeInput = {
      idempotencyKey: KEY,
      reporter: {
        kind: "private",
        anonymous: false,
        name: "Eva Andersson",
        phone: "070-123 45 67",
        email: "eva.andersson@example.se",
      },
      child: {
        name: "Alva Karlsson",
        personalNumber: "201403152380",
        birthDate: "2014-03-15",
        address: "Kungsgatan 12, 453 30 Lysekil",
        school: "Gullmarsskolan",
        whereabouts: "I skolan",
        protectedIdentity: false,
      },
      guardians: [
        {
          name: "Maria Karlsson",
          phone: "070-765 43 21",
          email: null,
          address: "Kungsgatan 12, 453 30 Lysekil",
          knowsAboutReport: "no",
        },
      ],
      siblings: [{ name: "Leo Karlsson", age: 6 }],
      concern: {
        what: "Alva har flera gånger kommit till skolan utan mat och med för lite kläder. Hon säger att hon är ensam hemma på kvällarna.",
        when: "Senast i måndags",
        duration: "Sedan i höstas",
        ifNothing: "Att hon far illa av att vara ensam och utan mat.",
        childKnows: "unknown",
      },
      interpreterLanguage: null,
      violenceKinds: [],
      details: {
        reporterRelation: null,
        childAge: null,
        childLivesWith: null,
        childView: null,
        policeReport: null,
        violenceAnswer: "no",
      },
    };
    expect(valueOf()).toStrictEqual(expected);
  });

  it("parses the fixture with the real clock too", () => {
    expect(parseIntake(validIntakeFormData()).status).toBe("success");
    expect(intakeSchema.safeParse(validIntakeFields()).success).toBe(true);
  });

  it("refuses a mandated reporter without organisation, with field.required on that field", () => {
    const errors = errorsOf({ ...mandated, reporterOrganisation: "" });
    expect(errors).toEqual({ reporterOrganisation: ["field.required"] });
  });

  it("requires name, organisation, kind of organisation, role and phone of a mandated reporter", () => {
    const errors = errorsOf({
      reporterKind: "mandated",
      reporterName: "",
      reporterOrganisation: "",
      reporterTitle: " ",
      reporterPhone: "",
      reporterEmail: "",
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["reporterName", "reporterOrganisation", "reporterPhone", "reporterSector", "reporterTitle"].sort()
    );
  });

  it("refuses a mandated reporter who has not said what kind of organisation, in Swedish beside the field", () => {
    expect(errorsOf({ ...mandated, reporterSector: "" })).toEqual({ reporterSector: ["intake.error.sectorRequired"] });
    const errors = errorsOf({ ...mandated }, (fd) => fd.delete("reporterSector"));
    expect(errors).toEqual({ reporterSector: ["intake.error.sectorRequired"] });
    expect(translate("sv", errors.reporterSector![0]!)).toBe(
      "Välj vilken sorts verksamhet du anmäler från."
    );
    expect(errorsOf({ ...mandated, reporterSector: "hospital" })).toEqual({ reporterSector: ["field.invalidChoice"] });
  });

  it("keeps the stated kind of organisation of a mandated reporter, and none of a private person", () => {
    expect(valueOf({ ...mandated, reporterSector: "police" }).reporter).toMatchObject({ kind: "mandated", sector: "police" });
    expect(valueOf({ ...mandated, reporterSector: "other" }).reporter).toMatchObject({ sector: "other" });
    expect(valueOf({ reporterSector: "school" }).reporter).toStrictEqual({
      kind: "private",
      anonymous: false,
      name: "Eva Andersson",
      phone: "070-123 45 67",
      email: "eva.andersson@example.se",
    });
  });

  it("accepts a mandated reporter, e-mail optional", () => {
    expect(valueOf(mandated).reporter).toStrictEqual({
      kind: "mandated",
      name: "Karin Berg",
      organisation: "Gullmarsskolan",
      title: "Kurator",
      phone: "0523-61 30 00",
      email: null,
      sector: "school",
    });
  });

  it("lets a private person be anonymous and drops whatever name was sent", () => {
    expect(valueOf({ anonymous: "on" }).reporter).toStrictEqual({ kind: "private", anonymous: true });
    expect(valueOf({ anonymous: "on", reporterName: "", reporterPhone: "" }).reporter).toStrictEqual({
      kind: "private",
      anonymous: true,
    });
  });

  it("asks a private person who is not anonymous for a name", () => {
    expect(errorsOf({ reporterName: "" })).toEqual({ reporterName: ["field.required"] });
  });

  it("refuses an anonymous mandated reporter, on the anonymous field", () => {
    const errors = errorsOf({ ...mandated, anonymous: "on" });
    expect(errors).toEqual({ anonymous: ["intake.error.mandatedAnonymous"] });
  });

  it("refuses a bad personnummer with field.personalNumber, in Swedish", () => {
    const errors = errorsOf({ childPersonalNumber: "20140315-2381" });
    expect(errors).toEqual({ childPersonalNumber: ["field.personalNumber"] });
    expect(translate("sv", errors.childPersonalNumber![0]!)).toBe(
      "Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra (ÅÅÅÅMMDD-NNNN)."
    );
  });

  it("derives the birth date from the personnummer, or takes the one given", () => {
    expect(valueOf({ childPersonalNumber: "1403152380" }).child).toMatchObject({
      personalNumber: "201403152380",
      birthDate: "2014-03-15",
    });
    expect(valueOf({ childPersonalNumber: "", childBirthDate: "2016-02-29" }).child).toMatchObject({
      personalNumber: null,
      birthDate: "2016-02-29",
    });
    expect(valueOf({ childPersonalNumber: "", childBirthDate: "" }).child).toMatchObject({
      personalNumber: null,
      birthDate: null,
    });
    expect(errorsOf({ childBirthDate: "2014-03-16" })).toEqual({
      childBirthDate: ["intake.error.birthDateMismatch"],
    });
  });

  it("refuses an impossible or future birth date", () => {
    expect(errorsOf({ childPersonalNumber: "", childBirthDate: "2015-02-29" })).toEqual({
      childBirthDate: ["field.date"],
    });
    expect(errorsOf({ childPersonalNumber: "", childBirthDate: "15/3/2014" })).toEqual({
      childBirthDate: ["field.date"],
    });
    expect(errorsOf({ childPersonalNumber: "", childBirthDate: "2025-06-16" })).toEqual({
      childBirthDate: ["field.dateInFuture"],
    });
  });

  it("refuses a 100 kB field with field.tooLong and says the limit", () => {
    const errors = errorsOf({ concernWhat: "a".repeat(100_000) });
    expect(errors).toEqual({ concernWhat: ["field.tooLong"] });
    expect(translate("sv", "field.tooLong", { max: MAX_LENGTHS.concernWhat })).toBe(
      "Texten är för lång (högst 10000 tecken)."
    );
    expect(errorsOf({ childName: "x".repeat(201) })).toEqual({ childName: ["field.tooLong"] });
    expect(valueOf({ childName: ` ${"x".repeat(200)} ` }).child.name).toHaveLength(200);
  });

  it("refuses control characters but keeps line breaks and tabs", () => {
    expect(errorsOf({ childName: "Alva\u0000" })).toEqual({ childName: ["field.controlChars"] });
    expect(errorsOf({ concernWhen: "igår\u001b[31m" })).toEqual({ concernWhen: ["field.controlChars"] });
    expect(errorsOf({ guardian1Name: "Maria\u0085" })).toEqual({ guardian1Name: ["field.controlChars"] });
    expect(valueOf({ concernWhat: "Rad ett\r\nRad två\tmed tabb" }).concern.what).toBe(
      "Rad ett\r\nRad två\tmed tabb"
    );
  });

  it("keeps HTML and script as text", () => {
    const what = `<script>alert("x")</script><b>fet</b> & "citat"`;
    expect(valueOf({ concernWhat: what }).concern.what).toBe(what);
  });

  it("trims text and treats blank as not given", () => {
    const value = valueOf({ childName: "  Alva  ", childSchool: "   ", guardian1Email: " " });
    expect(value.child.name).toBe("Alva");
    expect(value.child.school).toBeNull();
    expect(errorsOf({ childName: "   " })).toEqual({ childName: ["field.required"] });
    expect(errorsOf({ concernWhat: "\n\n" })).toEqual({ concernWhat: ["field.required"] });
  });

  it("refuses unknown enum values", () => {
    expect(errorsOf({ reporterKind: "admin" })).toEqual({ reporterKind: ["field.invalidChoice"] });
    expect(errorsOf({ reporterKind: "" })).toEqual({ reporterKind: ["field.invalidChoice"] });
    expect(errorsOf({ childKnows: "maybe" })).toEqual({ childKnows: ["field.invalidChoice"] });
    expect(errorsOf({ guardian1Knows: "perhaps" })).toEqual({ guardian1Knows: ["field.invalidChoice"] });
    expect(errorsOf({ violence: "other" })).toEqual({ violence: ["field.invalidChoice"] });
    expect(errorsOf({ childProtectedIdentity: "yes" })).toEqual({
      childProtectedIdentity: ["field.invalidChoice"],
    });
  });

  it("refuses wrong types: repeated fields, files, nested names", () => {
    expect(errorsOf({}, (fd) => fd.append("reporterKind", "mandated"))).toMatchObject({
      reporterKind: ["field.invalidChoice"],
    });
    expect(errorsOf({}, (fd) => fd.append("childName", "Bo"))).toEqual({ childName: ["field.invalid"] });
    expect(
      errorsOf({}, (fd) => {
        fd.delete("concernWhat");
        fd.append("concernWhat", new File(["x"], "x.txt"));
      })
    ).toEqual({ concernWhat: ["field.invalid"] });
    expect(
      errorsOf({}, (fd) => {
        fd.delete("childName");
        fd.append("childName.first", "Alva");
      })
    ).toEqual({ childName: ["field.invalid"] });
  });

  it("refuses a forged or missing idempotency key", () => {
    expect(errorsOf({ idempotencyKey: "1" })).toEqual({ idempotencyKey: ["form.stale"] });
    expect(errorsOf({ idempotencyKey: "' OR 1=1 --" })).toEqual({ idempotencyKey: ["form.stale"] });
    expect(errorsOf({ idempotencyKey: `${KEY}x` })).toEqual({ idempotencyKey: ["form.stale"] });
    expect(errorsOf({}, (fd) => fd.delete("idempotencyKey"))).toEqual({ idempotencyKey: ["form.stale"] });
  });

  it("fails the whole form when the honeypot is filled", () => {
    const formData = validIntakeFormData({ website: "https://spam.example" });
    const submission = parseIntake(formData, { schema });
    expect(submission.status === "error" && submission.error?.[""]).toEqual(["error.badRequest"]);
    expect(honeypotFilled(formData)).toBe(true);
    expect(honeypotFilled(validIntakeFormData())).toBe(false);
  });

  it("asks the violence question until it is answered, consistently", () => {
    expect(errorsOf({}, (fd) => fd.delete("violence"))).toEqual({
      violence: ["intake.error.violenceRequired"],
    });
    expect(errorsOf({ violence: "" })).toEqual({ violence: ["intake.error.violenceRequired"] });
    expect(errorsOf({}, (fd) => fd.append("violence", "sexualAbuse"))).toEqual({
      violence: ["intake.error.violenceContradiction"],
    });
    expect(errorsOf({ violence: "unknown" }, (fd) => fd.append("violence", "sexualAbuse"))).toEqual({
      violence: ["intake.error.violenceContradiction"],
    });
    expect(errorsOf({ violence: "unknown" }, (fd) => fd.append("violence", "no"))).toEqual({
      violence: ["intake.error.violenceNoAndUnknown"],
    });
    // The retired lumped answer is not accepted from a forged or stale form.
    expect(errorsOf({ violence: "none" })).toEqual({ violence: ["field.invalidChoice"] });
    const value = valueOf({ violence: "honourViolence" }, (fd) => fd.append("violence", "familyViolence"));
    expect(value.violenceKinds).toEqual(["familyViolence", "honourViolence"]);
    expect(value.details?.violenceAnswer).toBe("yes");
  });

  it("keeps No and Don't know apart, in the violence question and the police report", () => {
    expect(valueOf({ violence: "no" }).details?.violenceAnswer).toBe("no");
    expect(valueOf({ violence: "unknown" }).details?.violenceAnswer).toBe("unknown");
    expect(valueOf({ violence: "unknown" }).violenceKinds).toEqual([]);
    expect(valueOf({ policeReport: "no" }).details?.policeReport).toBe("no");
    expect(valueOf({ policeReport: "unknown" }).details?.policeReport).toBe("unknown");
    expect(valueOf({}).details?.policeReport).toBeNull();
    expect(errorsOf({ policeReport: "kanske" })).toEqual({ policeReport: ["field.invalidChoice"] });
  });

  it("takes the new questions: relation, age, who the child lives with, the child's own view", () => {
    const value = valueOf({
      reporterRelation: " Granne ",
      childPersonalNumber: "",
      childAge: "9",
      childLivesWith: "Mamma och hennes sambo",
      childView: "Hon säger att hon vill bo kvar men vill ha mat.",
    });
    expect(value.details).toMatchObject({
      reporterRelation: "Granne",
      childAge: 9,
      childLivesWith: "Mamma och hennes sambo",
      childView: "Hon säger att hon vill bo kvar men vill ha mat.",
    });
    expect(errorsOf({ childAge: "tio" })).toEqual({ childAge: ["field.age"] });
    // A mandated reporter is not asked for a private person's relation.
    const mandated = valueOf({
      reporterKind: "mandated",
      reporterOrganisation: "Gullmarsskolan",
      reporterTitle: "Lärare",
      reporterRelation: "Lärare",
      reporterSector: "school",
    });
    expect(mandated.details?.reporterRelation).toBeNull();
  });

  it("needs a language when an interpreter is needed", () => {
    expect(errorsOf({ interpreterNeeded: "on" })).toEqual({ interpreterLanguage: ["field.required"] });
    expect(valueOf({ interpreterNeeded: "on", interpreterLanguage: " arabiska " }).interpreterLanguage).toBe(
      "arabiska"
    );
  });

  it("counts a guardian by name; whether they know is optional and kept as don't know", () => {
    expect(errorsOf({ guardian2Phone: "070-111 22 33" })).toEqual({ guardian2Name: ["field.required"] });
    // A private reporter who knows only a guardian's name can submit (issue 9).
    expect(valueOf({ guardian2Name: "Per Karlsson" }).guardians[1]).toStrictEqual({
      name: "Per Karlsson",
      phone: null,
      email: null,
      address: null,
      knowsAboutReport: "unknown",
    });
    const value = valueOf({ guardian2Name: "Per Karlsson", guardian2Knows: "yes" });
    expect(value.guardians).toHaveLength(2);
    expect(value.guardians[1]).toStrictEqual({
      name: "Per Karlsson",
      phone: null,
      email: null,
      address: null,
      knowsAboutReport: "yes",
    });
    expect(
      valueOf({ guardian1Name: "", guardian1Phone: "", guardian1Address: "" }, (fd) =>
        fd.delete("guardian1Knows")
      ).guardians
    ).toEqual([]);
  });

  it("checks phone numbers and e-mail addresses", () => {
    expect(errorsOf({ reporterPhone: "ring mig" })).toEqual({ reporterPhone: ["field.phone"] });
    expect(errorsOf({ reporterPhone: "123" })).toEqual({ reporterPhone: ["field.phone"] });
    expect(valueOf({ reporterPhone: "+46 (0)523-61 30 00" }).reporter).toMatchObject({
      phone: "+46 (0)523-61 30 00",
    });
    expect(errorsOf({ reporterEmail: "eva@" })).toEqual({ reporterEmail: ["field.email"] });
    expect(errorsOf({ guardian1Email: "a b@c.se" })).toEqual({ guardian1Email: ["field.email"] });
  });

  it("takes sibling ages 0–25", () => {
    expect(valueOf({ sibling2Name: "Nora", sibling2Age: "0" }).siblings).toEqual([
      { name: "Leo Karlsson", age: 6 },
      { name: "Nora", age: 0 },
    ]);
    expect(valueOf({ sibling1Age: "" }).siblings).toEqual([{ name: "Leo Karlsson", age: null }]);
    for (const bad of ["26", "-1", "3.5", "sex", "1e1"]) {
      expect(errorsOf({ sibling1Age: bad }), bad).toEqual({ sibling1Age: ["field.age"] });
    }
    expect(errorsOf({ sibling3Age: "4" })).toEqual({ sibling3Name: ["field.required"] });
  });

  it("shows every error at once, cross-field rules included", () => {
    const errors = errorsOf({ ...mandated, reporterOrganisation: "", childName: "", childKnows: "" });
    expect(Object.keys(errors).sort()).toEqual(["childKnows", "childName", "reporterOrganisation"]);
  });

  it("never throws on conform's reserved names", () => {
    const submission = parse({}, (fd) => {
      fd.append("__intent__", "{not json");
      fd.append("__state__", "}");
    });
    expect(submission.status).toBe("success");
  });
});

describe("defaultsForReporter", () => {
  it("pre-fills a signed-in mandated reporter", () => {
    expect(
      defaultsForReporter({
        name: "Karin Berg",
        phone: "0523-61 30 00",
        email: "skola@demo.varna.se",
        organisation: "Gullmarsskolan",
        title: null,
        mandatedReporter: true,
      })
    ).toEqual({
      reporterKind: "mandated",
      reporterName: "Karin Berg",
      reporterPhone: "0523-61 30 00",
      reporterEmail: "skola@demo.varna.se",
      reporterOrganisation: "Gullmarsskolan",
    });
  });

  it("pre-fills the kind of organisation when the account has one to go on", () => {
    const account = {
      name: "Karin Berg",
      phone: null,
      email: null,
      organisation: "Gullmarsskolan",
      title: null,
      mandatedReporter: true,
    };
    expect(defaultsForReporter({ ...account, sector: "school" })).toMatchObject({ reporterSector: "school" });
    expect(defaultsForReporter({ ...account, sector: null })).not.toHaveProperty("reporterSector");
    // A private person is not asked.
    expect(defaultsForReporter({ ...account, mandatedReporter: false, sector: "school" })).not.toHaveProperty("reporterSector");
  });

  it("pre-fills nothing for a visitor", () => {
    expect(defaultsForReporter(null)).toEqual({});
  });
});
