/**
 * A case as it unfolds, through the real services and a real database: the letters go to
 * the facts staff confirmed (never to what a report said), the first caseworker to act
 * takes the case, every letter names a real caseworker, feedback reaches the school, the
 * older child gets their own letters, and a closed case can be found again.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cases, letters, units } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { PersistedCase } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import type { IntakeInput } from "../intake/types";
import { extractText } from "../letters/pdf-text";
import { ensureDefaultUnit } from "../units.server";
import { downloadLetter, loadCasePage, performCaseAction } from "./case-page.server";
import { runCaseCommand, type CommandInput } from "./commands.server";
import { loadInbox } from "./inbox.server";
import { createStaff, report } from "../../test/testing.server";

const AT = "2026-03-20T08:00:00Z";
const NOW = new Date("2026-03-20T10:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe.each(testDatabaseKinds())("a case as it unfolds (%s)", (kind) => {
  let t: TestDatabase;
  let caseworker: SessionUser;
  let teamLead: SessionUser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    teamLead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
  });
  afterAll(() => t.drop());

  async function snapshot(caseId: string): Promise<{ snapshot: PersistedCase; version: number }> {
    const [row] = await t.db.select({ snapshot: cases.snapshot, version: cases.version }).from(cases).where(eq(cases.id, caseId));
    return { snapshot: row!.snapshot as PersistedCase, version: row!.version };
  }

  /** Runs commands in order, each on the version the previous one left; each must be accepted. */
  async function act(caseId: string, user: SessionUser, at: Date, ...commands: CommandInput[]) {
    for (const command of commands) {
      const { version } = await snapshot(caseId);
      const result = await runCaseCommand(t.db, { caseId, expectedVersion: version, user, command }, at);
      if (!result.ok) throw new Error(`${command.type} refused: ${result.refusal}`);
    }
  }

  async function lettersOf(caseId: string, kind?: string) {
    const rows = await t.db
      .select({ kind: letters.kind, recipientName: letters.recipientName, pdf: letters.pdf, reportId: letters.reportId })
      .from(letters)
      .where(kind ? and(eq(letters.caseId, caseId), eq(letters.kind, kind)) : eq(letters.caseId, caseId))
      .orderBy(asc(letters.createdAt), asc(letters.recipientName));
    return rows.map((r) => ({ ...r, text: extractText(r.pdf) }));
  }

  const assess = (reportId: string, needsProtection = false): CommandInput => ({
    type: "PROTECTION_ASSESSED",
    reportId,
    needsProtection,
    assessment: needsProtection ? "Akut skyddsbehov." : "Inget akut skyddsbehov.",
  });
  const guardian = (name: string, address: string | null, confirmed = true): CommandInput => ({
    type: "GUARDIAN_ADDED",
    guardianId: crypto.randomUUID(),
    name,
    address,
    custody: true,
    confirmed,
    reason: "Kontrollerat i folkbokföringen.",
  });
  const invite = (invitees: string[]): CommandInput => ({
    type: "INVITATION_SENT",
    date: "2026-03-26",
    time: "10:00",
    place: "Socialkontoret",
    invitees,
  });

  it("a report with a new address for a known guardian does not change any letter's address", async () => {
    const first = await report(t.db, AT, { childName: "Alva Adress", child: { name: "Alva Adress", personalNumber: "201403122384", birthDate: "2014-03-12", address: "Kungsgatan 14", school: null, whereabouts: null, protectedIdentity: false } });
    await act(first.caseId, caseworker, NOW, assess(first.reportId), guardian("Anna Johansson", "Kungsgatan 14\n453 30 Lysekil"));
    // An anonymous report names the same child and guardian, with another address.
    const redirect: Partial<IntakeInput> = {
      reporter: { kind: "private", anonymous: true },
      child: { name: "Alva Adress", personalNumber: "201403122384", birthDate: "2014-03-12", address: "Falska vägen 9", school: null, whereabouts: null, protectedIdentity: false },
      guardians: [{ name: "Anna Johansson", phone: null, email: null, address: "Falska vägen 9\n999 99 Någonstans", knowsAboutReport: "unknown" }],
    };
    const second = await report(t.db, "2026-03-20T09:00:00Z", redirect);
    expect(second.caseId).toBe(first.caseId);
    await act(first.caseId, caseworker, later(1), assess(second.reportId), invite(["Anna Johansson"]));

    const invitations = await lettersOf(first.caseId, "invitation");
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.text).toContain("Kungsgatan 14");
    expect(invitations[0]!.text).not.toContain("Falska vägen");
    // The page flags the different addresses; the case's facts are unchanged.
    const page = await loadCasePage(t.db, caseworker, first.caseId, later(1));
    expect(page!.facts.guardians.map((g) => g.address)).toEqual(["Kungsgatan 14\n453 30 Lysekil"]);
    expect(page!.facts.suggestions.find((s) => s.reportNumber === 2)).toMatchObject({ status: "address" });
    expect(page!.facts.childAddressDiffers.map((r) => r.reportNumber)).toEqual([2]);
  });

  it("a suspected guardian gets no invitation and no notice; an unconfirmed guardian no decision letter", async () => {
    const r = await report(t.db, AT, { childName: "Bo Misstänkt" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId), guardian("Anna Johansson", "Kungsgatan 14"), guardian("Per Johansson", "Kungsgatan 14"), guardian("Kalle Granne", "Gissade gatan 1", false));
    const { snapshot: s } = await snapshot(r.caseId);
    const per = s.context.guardians.find((g) => g.name === "Per Johansson")!;
    await act(r.caseId, caseworker, NOW, { type: "GUARDIAN_SUSPECTED", guardianId: per.id, suspected: true, reason: "Barnet berättar om slag." });
    const refused = await runCaseCommand(t.db, { caseId: r.caseId, expectedVersion: (await snapshot(r.caseId)).version, user: caseworker, command: invite(["Per Johansson"]) }, NOW);
    expect(refused).toEqual({ ok: false, refusal: "suspectedGuardianInvited" });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.formContext.invitees.map((i) => i.name)).toEqual(["Bo Misstänkt", "Anna Johansson"]);

    // Decision to open an investigation: the notice goes to Anna only.
    await act(r.caseId, caseworker, NOW, { type: "DECISION_PROPOSED", outcome: "openInvestigation", reasoning: "Allvarligt.", support: [], childNotHeardReason: "Barnet ska höras i utredningen." });
    await act(r.caseId, teamLead, later(1), { type: "DECISION_APPROVED" });
    const notices = await lettersOf(r.caseId, "investigationNotice");
    expect(notices.map((l) => l.recipientName)).toEqual(["Anna Johansson"]);

    // A decision not to investigate goes to confirmed guardians only, never the neighbour's guess.
    const other = await report(t.db, AT, { childName: "Cia Obekräftad" });
    await act(other.caseId, caseworker, NOW, assess(other.reportId), guardian("Kalle Granne", "Gissade gatan 1", false), guardian("Eva Mor", "Storgatan 2"));
    await act(other.caseId, caseworker, NOW, { type: "DECISION_PROPOSED", outcome: "noInvestigation", reasoning: "Ingen oro kvar.", support: [], childNotHeardReason: "Barnet ville inte." });
    await act(other.caseId, teamLead, later(1), { type: "DECISION_APPROVED" });
    expect((await lettersOf(other.caseId, "decision")).map((l) => l.recipientName)).toEqual(["Eva Mor"]);
  });

  it("a report's guardian adopted from the page is unconfirmed: no letter until staff confirm", async () => {
    const r = await report(t.db, AT, { childName: "Lo Förslag" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId));
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    const suggestion = page!.facts.suggestions[0]!;
    // Exactly what the page's adopt button posts.
    const data = new FormData();
    for (const [k, v] of Object.entries({ intent: "GUARDIAN_ADDED", version: String(page!.case.version), name: suggestion.name, address: suggestion.address ?? "", custody: "yes", reason: "Uppgift från anmälan 1, inte kontrollerad." })) data.append(k, v);
    expect(await performCaseAction(t.db, caseworker, r.caseId, data, NOW)).toMatchObject({ ok: true });
    const { snapshot: s } = await snapshot(r.caseId);
    expect(s.context.guardians).toEqual([expect.objectContaining({ name: "Anna Johansson", confirmed: false })]);
    await act(r.caseId, caseworker, NOW, invite(["Lo Förslag"]));
    expect(await lettersOf(r.caseId, "invitation")).toEqual([]);
    expect((await loadCasePage(t.db, caseworker, r.caseId, NOW))!.facts.suggestions[0]!.status).toBe("same");
  });

  it("a case with no recipient for its letters warns before the step", async () => {
    const r = await report(t.db, AT, { childName: "Dag Ingen" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId));
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.warnings).toContainEqual({ key: "noGuardianForLetters" });
    await act(r.caseId, caseworker, NOW, guardian("Anna Johansson", "Kungsgatan 14"));
    expect((await loadCasePage(t.db, caseworker, r.caseId, NOW))!.warnings).toEqual([]);
  });

  it("a guardian who gets letters but has no address in the case is named before the step, as the letter that goes out has none", async () => {
    const r = await report(t.db, AT, { childName: "Ina Adresslös" });
    const anna = guardian("Anna Johansson", null);
    await act(r.caseId, caseworker, NOW, assess(r.reportId), anna, guardian("Eva Mor", "Storgatan 2"), guardian("Kalle Granne", null, false));
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    // Only the one a letter would reach: the unconfirmed neighbour gets none.
    expect(page!.warnings).toEqual([{ key: "recipientWithoutAddress", names: ["Anna Johansson"] }]);
    // The invitation form says it beside her name.
    expect(page!.formContext.invitees).toContainEqual({ name: "Anna Johansson", role: "guardian", addressMissing: true });
    expect(page!.formContext.invitees).toContainEqual({ name: "Eva Mor", role: "guardian", addressMissing: false });
    // What the warning says: her invitation carries her name and no address.
    await act(r.caseId, caseworker, NOW, invite(["Anna Johansson", "Eva Mor"]));
    const sent = await lettersOf(r.caseId, "invitation");
    expect(sent.find((l) => l.recipientName === "Eva Mor")!.text).toContain("Storgatan 2");
    expect(sent.find((l) => l.recipientName === "Anna Johansson")!.text).not.toMatch(/Storgatan|Kungsgatan/);
    // Her address put in, the warning goes.
    const annaId = (anna as { guardianId: string }).guardianId;
    await act(r.caseId, caseworker, NOW, { type: "GUARDIAN_CORRECTED", guardianId: annaId, name: "Anna Johansson", address: "Kungsgatan 14", custody: true, reason: "Adress ur folkbokföringen." });
    expect((await loadCasePage(t.db, caseworker, r.caseId, NOW))!.warnings).toEqual([]);
  });

  it("a protected guardian's address is left off letters on purpose: no warning that it is missing", async () => {
    const r = await report(t.db, AT, { childName: "Ola Skyddad" });
    const anna = guardian("Anna Johansson", null);
    const annaId = (anna as { guardianId: string }).guardianId;
    await act(r.caseId, caseworker, NOW, assess(r.reportId), anna, { type: "PROTECTED_IDENTITY_SET", person: annaId, protectedIdentity: true, reason: "Skyddad folkbokföring enligt Skatteverket." });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.warnings).toEqual([]);
    expect(page!.formContext.invitees).toContainEqual({ name: "Anna Johansson", role: "guardian", addressMissing: false });
  });

  it("a protected address never reaches the page, not even the correction form, and a correction keeps it", async () => {
    const r = await report(t.db, AT, { childName: "Ola Dold" });
    const anna = guardian("Anna Johansson", "Hemliga gränd 7");
    const eva = guardian("Eva Mor", "Storgatan 2");
    const annaId = (anna as { guardianId: string }).guardianId;
    await act(r.caseId, caseworker, NOW, assess(r.reportId), anna, eva, { type: "PROTECTED_IDENTITY_SET", person: annaId, protectedIdentity: true, reason: "Skyddad folkbokföring enligt Skatteverket." });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(JSON.stringify(page)).not.toContain("Hemliga gränd");
    expect(page!.formContext.guardians.find((g) => g.id === annaId)).toMatchObject({ address: null, addressWithheld: true });
    expect(JSON.stringify(page)).toContain("Storgatan 2");
    // What a report says of her, perhaps her real address, is withheld with hers.
    expect(page!.facts.suggestions.find((g) => g.name === "Anna Johansson")).toMatchObject({ address: null });
    expect(page!.reports[0]!.guardians.find((g) => g.name === "Anna Johansson")).toMatchObject({ address: null });

    // Her name corrected from the form as the page shows it (the address field left empty): the address stays.
    const data = new FormData();
    for (const [k, v] of Object.entries({ intent: "GUARDIAN_CORRECTED", version: String(page!.case.version), guardianId: annaId, name: "Anna Johanson", address: "", custody: "yes", reason: "Namnet stavat som i folkbokföringen." })) data.append(k, v);
    expect(await performCaseAction(t.db, caseworker, r.caseId, data, NOW)).toMatchObject({ ok: true });
    const { snapshot: s } = await snapshot(r.caseId);
    expect(s.context.guardians.find((g) => g.id === annaId)).toMatchObject({ name: "Anna Johanson", address: "Hemliga gränd 7" });

    // The child's identity protected: no address of the family reaches the page.
    await act(r.caseId, caseworker, NOW, { type: "PROTECTED_IDENTITY_SET", person: "child", protectedIdentity: true, reason: "Skyddad folkbokföring enligt Skatteverket." });
    const hidden = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(JSON.stringify(hidden)).not.toMatch(/Hemliga gränd|Storgatan 2/);
  });

  it("a letter that printed an address of someone protected since is no longer handed out; one sent after is", async () => {
    const r = await report(t.db, AT, { childName: "Pia Brev" });
    const per = guardian("Per Skyddsson", "Dolda vägen 3");
    const perId = (per as { guardianId: string }).guardianId;
    await act(r.caseId, caseworker, NOW, assess(r.reportId), per, guardian("Eva Mor", "Storgatan 2"), invite(["Per Skyddsson", "Eva Mor"]));
    const before = (await loadCasePage(t.db, caseworker, r.caseId, NOW))!.letters.filter((l) => l.kind === "invitation");
    expect(before.map((l) => l.withheld)).toEqual([false, false]);
    const perLetter = before.find((l) => l.recipientName === "Per Skyddsson")!;
    expect((await lettersOf(r.caseId, "invitation")).find((l) => l.recipientName === "Per Skyddsson")!.text).toContain("Dolda vägen 3");

    await act(r.caseId, caseworker, NOW, { type: "PROTECTED_IDENTITY_SET", person: perId, protectedIdentity: true, reason: "Skatteverket." });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    const withheldNow = Object.fromEntries(page!.letters.filter((l) => l.kind === "invitation").map((l) => [l.recipientName, l.withheld]));
    expect(withheldNow).toEqual({ "Eva Mor": false, "Per Skyddsson": true });
    expect(await downloadLetter(t.db, caseworker, r.caseId, perLetter.id, NOW)).toEqual({ withheld: true });
    expect(await downloadLetter(t.db, caseworker, r.caseId, before.find((l) => l.recipientName === "Eva Mor")!.id, NOW)).toMatchObject({ fileName: expect.any(String) });

    // A new invitation to him prints no address, so it can be printed again and sent on through Skatteverket.
    await act(r.caseId, caseworker, NOW, { type: "NO_SHOW" }, invite(["Per Skyddsson"]));
    const again = (await loadCasePage(t.db, caseworker, r.caseId, NOW))!.letters.filter((l) => l.kind === "invitation" && l.recipientName === "Per Skyddsson");
    const newest = again.find((l) => l.id !== perLetter.id)!;
    expect(again.map((l) => [l.id, l.withheld])).toEqual(expect.arrayContaining([[perLetter.id, true], [newest.id, false]]));
    const newer = await downloadLetter(t.db, caseworker, r.caseId, newest.id, NOW);
    expect(extractText((newer as { pdf: Buffer }).pdf)).not.toContain("Dolda vägen");

    // The child's identity protected: every letter that printed an address of the family is withheld.
    await act(r.caseId, caseworker, NOW, { type: "PROTECTED_IDENTITY_SET", person: "child", protectedIdentity: true, reason: "Skatteverket." });
    const hidden = (await loadCasePage(t.db, caseworker, r.caseId, NOW))!.letters.filter((l) => l.kind === "invitation");
    expect(hidden.filter((l) => l.withheld).map((l) => l.id).sort()).toEqual(hidden.filter((l) => l.id !== newest.id).map((l) => l.id).sort());
    expect(hidden).toHaveLength(3);
  });

  it("acting on an unassigned case assigns it, and the letters name that caseworker with a phone", async () => {
    const r = await report(t.db, AT, { childName: "Ebba Tilldelad" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId), guardian("Anna Johansson", "Kungsgatan 14"), invite(["Anna Johansson"]));
    const { snapshot: s } = await snapshot(r.caseId);
    expect(s.context.assignee).toEqual({ id: caseworker.id, name: "Sara Lindqvist" });
    const [invitation] = await lettersOf(r.caseId, "invitation");
    expect(invitation!.text).toContain("Sara Lindqvist");
    expect(invitation!.text).toContain("0523-61");
    expect(invitation!.text).not.toMatch(/Handläggare, Socialtjänsten – Barn och unga\s*$/m);
  });

  it("every letter written in this suite names a real caseworker, never a placeholder", async () => {
    const all = await t.db.select({ kind: letters.kind, pdf: letters.pdf }).from(letters);
    const toFamily = all.filter((l) => ["invitation", "decision", "investigationNotice"].includes(l.kind));
    expect(toFamily.length).toBeGreaterThan(3);
    for (const l of toFamily) expect(extractText(l.pdf)).toMatch(/Sara Lindqvist|Maria Holm/);
  });

  it("feedback on joining an investigation and on transfer names the report's date; none for private or anonymous", async () => {
    const school: Partial<IntakeInput> = {
      reporter: { kind: "mandated", name: "Karin Ek", organisation: "Gullmarsskolan", title: "Kurator", phone: "0523-61 35 40", email: null, sector: "school" },
    };
    const pn = { personalNumber: "201205151713", birthDate: "2012-05-15", address: null, school: null, whereabouts: null, protectedIdentity: false };
    const first = await report(t.db, AT, { ...school, child: { name: "Filip Utredd", ...pn } });
    await act(first.caseId, caseworker, NOW, assess(first.reportId, true));
    // A second school report and an anonymous one join the ongoing investigation.
    const joined = await report(t.db, "2026-03-22T09:15:00Z", { ...school, child: { name: "Filip Utredd", ...pn } });
    const anonymous = await report(t.db, "2026-03-22T10:00:00Z", { reporter: { kind: "private", anonymous: true }, child: { name: "Filip Utredd", ...pn } });
    await act(first.caseId, caseworker, new Date("2026-03-22T12:00:00Z"), assess(joined.reportId), assess(anonymous.reportId));
    const feedback = await lettersOf(first.caseId, "feedback");
    const answer = feedback.find((l) => l.reportId === joined.reportId)!;
    expect(answer.text).toContain("En utredning pågår redan.");
    expect(answer.text).toContain("Du gjorde den 22 mars 2026 en orosanmälan");
    expect(feedback.some((l) => l.reportId === anonymous.reportId)).toBe(false);

    const moving = await report(t.db, AT, { ...school, childName: "Gun Flyttar" });
    const privateOne = await report(t.db, AT, { childName: "Gun Flyttar Privat" });
    for (const r of [moving, privateOne]) {
      await act(r.caseId, caseworker, NOW, assess(r.reportId), {
        type: "DECISION_PROPOSED",
        outcome: "transfer",
        reasoning: "Familjen har flyttat.",
        support: [],
        childNotHeardReason: "Familjen har flyttat.",
        transferTo: "Uddevalla kommun",
      });
      await act(r.caseId, teamLead, later(1), { type: "DECISION_APPROVED" });
    }
    const transferred = await lettersOf(moving.caseId, "feedback");
    expect(transferred).toHaveLength(1);
    expect(transferred[0]!.text).toContain("Ärendet har lämnats över till en annan kommun");
    expect(transferred[0]!.text).toContain("Du gjorde den 20 mars 2026 en orosanmälan");
    expect(await lettersOf(privateOne.caseId, "feedback")).toEqual([]);
  });

  it("a 16-year-old gets their own invitation and decision letter, addressed by first name, and answers on support", async () => {
    const r = await report(t.db, AT, {
      child: { name: "Hanna Sexton Berg", personalNumber: null, birthDate: "2010-01-15", address: "Skolvägen 3", school: null, whereabouts: null, protectedIdentity: false },
    });
    await act(r.caseId, caseworker, NOW, assess(r.reportId), guardian("Anna Johansson", "Kungsgatan 14"), invite(["Anna Johansson", "Hanna Sexton Berg"]));
    const invitations = await lettersOf(r.caseId, "invitation");
    expect(invitations.map((l) => l.recipientName).sort()).toEqual(["Anna Johansson", "Hanna"]);
    expect(invitations.find((l) => l.recipientName === "Hanna")!.text).toContain("Hej Hanna!");
    await act(r.caseId, caseworker, new Date("2026-03-26T10:00:00Z"), {
      type: "CONVERSATION_HELD",
      participants: ["Hanna Sexton Berg", "Anna Johansson"],
      notes: "Hanna vill ha en kontaktperson.",
    });
    await act(r.caseId, caseworker, new Date("2026-03-26T11:00:00Z"), { type: "DECISION_PROPOSED", outcome: "noInvestigation", reasoning: "Stöd räcker.", support: ["contactPerson"] });
    await act(r.caseId, teamLead, new Date("2026-03-27T09:00:00Z"), { type: "DECISION_APPROVED" });
    const decisions = await lettersOf(r.caseId, "decision");
    expect(decisions.map((l) => l.recipientName).sort()).toEqual(["Anna Johansson", "Hanna"]);
    const own = decisions.find((l) => l.recipientName === "Hanna")!.text;
    expect(own).toContain("Hej Hanna!");
    expect(own).toContain("Du har rätt att själv säga ja eller nej.");
    const withoutChild = await runCaseCommand(
      t.db,
      { caseId: r.caseId, expectedVersion: (await snapshot(r.caseId)).version, user: caseworker, command: { type: "SUPPORT_ACCEPTED" } },
      new Date("2026-03-28T09:00:00Z"),
    );
    expect(withoutChild).toEqual({ ok: false, refusal: "childAnswerRequired" });
    await act(r.caseId, caseworker, new Date("2026-03-28T09:00:00Z"), { type: "SUPPORT_ACCEPTED", childAnswer: "accepted" });
    expect((await snapshot(r.caseId)).snapshot.context.supportAnswer).toMatchObject({ childAnswer: "accepted" });
  });

  it("staff give a 16-year-old's missing address from the case page: the warning goes and the child's own letter carries it", async () => {
    const r = await report(t.db, AT, {
      child: { name: "Nils Utan Adress", personalNumber: null, birthDate: "2010-02-01", address: null, school: null, whereabouts: null, protectedIdentity: false },
    });
    await act(r.caseId, caseworker, NOW, assess(r.reportId), guardian("Anna Johansson", "Kungsgatan 14"));
    const before = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(before!.warnings).toEqual([{ key: "recipientWithoutAddress", names: ["Nils Utan Adress"] }]);
    expect(before!.commands).toContain("CHILD_ADDRESS_CORRECTED");
    const post = async (fields: Record<string, string>) => {
      const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
      const data = new FormData();
      for (const [k, v] of Object.entries({ intent: "CHILD_ADDRESS_CORRECTED", version: String(page!.case.version), reason: "Ur folkbokföringen.", ...fields })) data.append(k, v);
      return performCaseAction(t.db, caseworker, r.caseId, data, NOW);
    };
    // Neither an address nor "not known": a Swedish message beside the field, nothing stored.
    const empty = await post({ address: "" });
    expect(empty).toMatchObject({ ok: false, status: 400 });
    expect(JSON.stringify(empty)).toContain("cases.error.childAddressRequired");
    expect((await snapshot(r.caseId)).version).toBe(before!.case.version);

    expect(await post({ address: "Nygatan 3\n453 30 Lysekil" })).toMatchObject({ ok: true });
    const after = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(after!.warnings).toEqual([]);
    expect(after!.child.address).toBe("Nygatan 3\n453 30 Lysekil");
    expect(after!.formContext.child).toEqual({ address: "Nygatan 3\n453 30 Lysekil", addressWithheld: false });
    expect(after!.events.at(-1)).toMatchObject({ type: "CHILD_ADDRESS_CORRECTED", event: { address: null, reason: "Ur folkbokföringen." } });
    await act(r.caseId, caseworker, NOW, invite(["Anna Johansson", "Nils Utan Adress"]));
    const own = (await lettersOf(r.caseId, "invitation")).find((l) => l.recipientName === "Nils")!;
    expect(own.text).toContain("Nygatan 3");

    // "Not known" ticked: the case holds no address, and the warning is back.
    expect(await post({ address: "", addressUnknown: "yes" })).toMatchObject({ ok: true });
    expect((await loadCasePage(t.db, caseworker, r.caseId, NOW))!.warnings).toEqual([{ key: "recipientWithoutAddress", names: ["Nils Utan Adress"] }]);
  });

  it("the child's address given for a protected child never reaches the page", async () => {
    const r = await report(t.db, AT, { childName: "Vera Dold" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId), { type: "PROTECTED_IDENTITY_SET", person: "child", protectedIdentity: true, reason: "Skatteverket." }, { type: "CHILD_ADDRESS_CORRECTED", address: "Hemliga stigen 4", reason: "Ur folkbokföringen." });
    expect((await snapshot(r.caseId)).snapshot.context.child).toMatchObject({ address: "Hemliga stigen 4", addressCorrected: true });
    const page = await loadCasePage(t.db, caseworker, r.caseId, NOW);
    expect(page!.formContext.child).toEqual({ address: null, addressWithheld: true });
    expect(JSON.stringify(page)).not.toContain("Hemliga stigen");
  });

  it("four eyes in a unit with one team lead: the unit's deputy approves the team lead's own proposal", async () => {
    const deputy = await createStaff(t.db, caseworker.unitId, "caseworker", "Dora Ställföreträdare");
    await t.db.update(units).set({ deputyApproverId: deputy.id }).where(eq(units.id, caseworker.unitId!));
    const r = await report(t.db, AT, { childName: "Jon Fyraögon" });
    await act(r.caseId, teamLead, NOW, assess(r.reportId), {
      type: "DECISION_PROPOSED",
      outcome: "noInvestigation",
      reasoning: "Ingen oro kvar.",
      support: [],
      childNotHeardReason: "Barnet ville inte.",
    });
    const version = (await snapshot(r.caseId)).version;
    expect(await runCaseCommand(t.db, { caseId: r.caseId, expectedVersion: version, user: teamLead, command: { type: "DECISION_APPROVED" } }, later(1))).toEqual({
      ok: false,
      refusal: "proposerCannotApprove",
    });
    // An ordinary caseworker may not approve; the deputy may.
    expect(await runCaseCommand(t.db, { caseId: r.caseId, expectedVersion: version, user: caseworker, command: { type: "DECISION_APPROVED" } }, later(1))).toEqual({
      ok: false,
      refusal: "teamLeadOnly",
    });
    const page = await loadCasePage(t.db, deputy, r.caseId, later(1));
    expect(page!.commands).toContain("DECISION_APPROVED");
    await act(r.caseId, deputy, later(1), { type: "DECISION_APPROVED" });
    expect((await snapshot(r.caseId)).snapshot.context.decision?.approvedBy).toMatchObject({ id: deputy.id, deputyApprover: true });
    await t.db.update(units).set({ deputyApproverId: null }).where(eq(units.id, caseworker.unitId!));
  });

  it("extending the investigation needs särskilda skäl of real length and a team lead's approval", async () => {
    const r = await report(t.db, AT, { childName: "Kim Förlängd" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId, true));
    const version = (await snapshot(r.caseId)).version;
    expect(
      await runCaseCommand(t.db, { caseId: r.caseId, expectedVersion: version, user: caseworker, command: { type: "DEADLINE_EXTENDED", deadline: "investigation", until: "2026-12-31", reason: "." } }, NOW),
    ).toEqual({ ok: false, refusal: "deadlineAlreadyMet" });
    expect(
      await runCaseCommand(t.db, { caseId: r.caseId, expectedVersion: version, user: caseworker, command: { type: "INVESTIGATION_EXTENSION_PROPOSED", until: "2026-08-20", reason: "." } }, NOW),
    ).toEqual({ ok: false, refusal: "specialReasonsTooShort" });
    await act(r.caseId, caseworker, NOW, { type: "INVESTIGATION_EXTENSION_PROPOSED", until: "2026-08-20", reason: "Särskilda skäl: BUP:s utlåtande kommer i augusti." });
    expect((await snapshot(r.caseId)).snapshot.context.deadlines.investigation?.due).toBe("2026-07-20");
    await act(r.caseId, teamLead, later(1), { type: "INVESTIGATION_EXTENSION_APPROVED" });
    expect((await snapshot(r.caseId)).snapshot.context.deadlines.investigation?.due).toBe("2026-08-20");
  });

  it("a closed case is found by its reference and under Avslutade, and its page is read-only with history and letters", async () => {
    const r = await report(t.db, AT, { childName: "Ivar Avslutad" });
    await act(r.caseId, caseworker, NOW, assess(r.reportId), guardian("Anna Johansson", "Kungsgatan 14"), {
      type: "DECISION_PROPOSED",
      outcome: "noInvestigation",
      reasoning: "Ingen oro kvar.",
      support: [],
      childNotHeardReason: "Barnet ville inte.",
    });
    await act(r.caseId, teamLead, later(1), { type: "DECISION_APPROVED" });
    const search = async (query: string) =>
      (await loadInbox(t.db, caseworker, new URL(`http://x/arenden${query}`), later(2))).rows.map((row) => row.childName);
    expect(await search("")).not.toContain("Ivar Avslutad");
    expect(await search(`?q=${encodeURIComponent(r.referenceNumber)}`)).toEqual(["Ivar Avslutad"]);
    expect(await search("?state=closed")).toContain("Ivar Avslutad");
    expect(await search("?state=all")).toContain("Ivar Avslutad");
    const page = await loadCasePage(t.db, caseworker, r.caseId, later(2));
    expect(page!.case.open).toBe(false);
    expect(page!.commands).toEqual([]);
    expect(page!.events.map((e) => e.type)).toContain("DECISION_APPROVED");
    expect(page!.letters.map((l) => l.kind)).toContain("decision");
  });
});
