import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";

import type { Db } from "../../db/client";
import { cases, units, users } from "../../db/schema";
import { stockholmDate, type PersistedCase } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import { runCaseCommand, type CommandInput } from "../cases/commands.server";
import { submitReport } from "../intake/submit.server";
import type { IntakeInput } from "../intake/types";
import { demoReports } from "./reports";

const DAY = 24 * 60 * 60 * 1000;
const PLACE = "Socialtjänsten, Kungsgatan 15, Lysekil";

type Who = "caseworker" | "caseworker2" | "teamLead";
type Walk = { child: string; guardians: string[]; snapshot: PersistedCase };
type Step = { day: number; who: Who; command: (c: Walk) => CommandInput | CommandInput[] };

const assign = (who: "caseworker" | "caseworker2", ids: Record<Who, SessionUser>): Step => ({
  day: 0.05,
  who: "teamLead",
  command: () => ({ type: "ASSIGNED", assignee: { id: ids[who].id, name: ids[who].name } }),
});
/** The staff check the guardians a report named (folkbokföringen) and adopt them into the case. */
const guardiansConfirmed = (day: number): Step => ({
  day,
  who: "caseworker",
  command: ({ guardians }) =>
    guardians.map((name) => ({
      type: "GUARDIAN_ADDED",
      guardianId: randomUUID(),
      name,
      address: null,
      custody: true,
      confirmed: true,
      reason: "Kontrollerat i folkbokföringen.",
    })),
});
const guardianId = (snapshot: PersistedCase, name: string) => snapshot.context.guardians.find((g) => g.name === name)!.id;
const assessed = (day: number, needsProtection = false, report = 0): Step => ({
  day,
  who: "caseworker",
  command: ({ snapshot }) => ({
    type: "PROTECTION_ASSESSED",
    reportId: snapshot.context.reports[report]!.id,
    needsProtection,
    assessment: needsProtection
      ? "Barnet bedöms behöva omedelbart skydd. Utredning inleds skyndsamt."
      : "Inget akut skyddsbehov. Barnet bor kvar hemma; förhandsbedömning inleds.",
  }),
});
const invited = (day: number): Step => ({
  day,
  who: "caseworker",
  command: ({ child, guardians }) => ({
    type: "INVITATION_SENT",
    date: "", // filled in from the event time
    time: "10:00",
    place: PLACE,
    invitees: [...guardians, child],
  }),
});
const held = (day: number): Step => ({
  day,
  who: "caseworker",
  command: ({ child, guardians }) => ({
    type: "CONVERSATION_HELD",
    participants: [...guardians, child],
    notes: "Samtal med barnet och vårdnadshavare. Familjen berättar om en pressad situation och är positiv till stöd.",
  }),
});
const proposed = (day: number, outcome: "noInvestigation" | "openInvestigation" | "alreadyInvestigated" | "transfer", support: string[] = [], heard = true): Step => ({
  day,
  who: "caseworker",
  command: () =>
    ({
      type: "DECISION_PROPOSED",
      outcome,
      reasoning:
        outcome === "noInvestigation"
          ? "Oron bedöms kunna mötas med frivilligt stöd; det finns inte skäl att inleda utredning."
          : outcome === "openInvestigation"
            ? "Uppgifterna är allvarliga och behöver utredas."
            : outcome === "transfer"
              ? "Familjen har flyttat till Uddevalla kommun."
              : "Barnet omfattas redan av en pågående utredning.",
      support,
      ...(heard ? {} : { childNotHeardReason: "Barnet har inte kunnat nås; familjen har flyttat." }),
      ...(outcome === "transfer" ? { transferTo: "Uddevalla kommun" } : {}),
    }) as CommandInput,
});
const approved = (day: number): Step => ({ day, who: "teamLead", command: () => ({ type: "DECISION_APPROVED" }) });

/** The path each demo child's case has taken so far, so every stage of the workflow is on show. */
function walks(ids: Record<Who, SessionUser>): Record<string, Step[]> {
  return {
    // A violence case: the protection assessment first, the father suspected, never told before the decision.
    "Ali Hassan": [
      assign("caseworker", ids),
      assessed(0.08),
      guardiansConfirmed(0.09),
      {
        day: 0.095,
        who: "caseworker",
        command: ({ snapshot }) => ({
          type: "GUARDIAN_SUSPECTED",
          guardianId: guardianId(snapshot, "Mikael Hassan"),
          suspected: true,
          reason: "Eleven berättar att pappan planerar att gifta bort henne.",
        }),
      },
      proposed(0.1, "openInvestigation", [], false),
      approved(1),
      { day: 6, who: "caseworker", command: () => ({ type: "INVESTIGATION_NOTICE_SENT" }) },
      { day: 20, who: "caseworker", command: () => ({ type: "NOTE_ADDED", text: "Samråd med skolan och polisen genomfört." }) },
    ],
    "Selma Magnusson": [
      assign("caseworker", ids), assessed(0.2), guardiansConfirmed(0.3), invited(2), held(7),
      proposed(8, "noInvestigation", ["parentalSupport", "supportConversations"]), approved(9),
      { day: 14, who: "caseworker", command: () => ({ type: "SUPPORT_ACCEPTED", note: "Vårdnadshavarna tackade ja per telefon." }) },
    ],
    // Closed: found with the inbox's "Avslutade" filter or by its diarienummer.
    "Leo Jakobsson": [assign("caseworker2", ids), assessed(0.2), guardiansConfirmed(0.3), invited(1), held(6), proposed(7, "noInvestigation"), approved(8)],
    "Astrid Lindberg": [assign("caseworker", ids), assessed(0.1, true)],
    "Adam Jönsson": [
      assign("caseworker2", ids), assessed(0.3), guardiansConfirmed(0.4), invited(2),
      { day: 7.2, who: "caseworker2", command: () => ({ type: "NO_SHOW", note: "Familjen kom inte; ny kallelse planeras." }) },
    ],
    "Alma Bengtsson": [assign("caseworker", ids), assessed(0.3), proposed(3, "transfer", [], false), approved(4)],
    // 16 years old: his own invitation, addressed to him.
    "Elias Hansson": [assign("caseworker2", ids), assessed(0.2), guardiansConfirmed(0.3), invited(1), held(6), proposed(9, "openInvestigation")],
    "Saga Jansson": [
      assign("caseworker", ids), assessed(0.4),
      {
        day: 10,
        who: "caseworker",
        command: () => ({
          type: "DEADLINE_EXTENDED",
          deadline: "decision",
          until: "", // filled in: 28 days after receipt
          reason: "Synnerliga skäl: vårdnadshavaren vistas utomlands och kan inte nås före återkomsten.",
        }),
      },
    ],
    // A corrected guardian: the report's "vårdnadshavare" has no custody; no letters go to him.
    "Oscar Jonsson": [
      assign("caseworker", ids), assessed(0.2), guardiansConfirmed(0.3),
      {
        day: 0.4,
        who: "caseworker",
        command: ({ snapshot }) => ({
          type: "GUARDIAN_CORRECTED",
          guardianId: guardianId(snapshot, "Mikael Jonsson"),
          name: "Mikael Jonsson",
          address: null,
          custody: false,
          reason: "Enligt folkbokföringen har bara mamman vårdnaden.",
        }),
      },
      invited(1), held(6), proposed(7, "noInvestigation", ["fieldTeam", "youthCentre"]), approved(8),
    ],
    "Wilma Pettersson": [assign("caseworker2", ids), assessed(0.2), proposed(2, "alreadyInvestigated", [], false), approved(3)],
    // Her second report (today) waits for its own protection assessment.
    "Elsa Johansson": [assign("caseworker", ids), assessed(0.3), guardiansConfirmed(0.4), invited(1)],
    "Lucas Gustafsson": [assign("caseworker", ids), assessed(0.2), proposed(1, "openInvestigation", [], false)],
    "Olivia Svensson": [
      assign("caseworker2", ids), assessed(0.2), guardiansConfirmed(0.3), invited(1), held(5), proposed(6, "noInvestigation"),
      { day: 7, who: "teamLead", command: () => ({ type: "DECISION_RETURNED", comment: "Beskriv barnets egen berättelse tydligare i motiveringen." }) },
    ],
    "Hugo Persson": [
      assign("caseworker", ids), assessed(0.2), guardiansConfirmed(0.3), invited(1), held(4), proposed(5, "noInvestigation", ["familyCounselling"]), approved(6),
      { day: 7, who: "caseworker", command: () => ({ type: "SUPPORT_DECLINED", note: "Vårdnadshavarna avböjde." }) },
    ],
    "Liam Andersson": [assign("caseworker2", ids)],
    // A neighbour's report today names "ella olsson" without personnummer: a new case with a
    // possible match to this one, waiting for the caseworker (app/matching).
    "Ella Olsson": [
      assign("caseworker", ids), assessed(0.2),
      { day: 2, who: "caseworker", command: () => ({ type: "NOTE_ADDED", text: "Telefonkontakt med skolans kurator." }) },
    ],
    "William Larsson": [assign("caseworker2", ids), assessed(0.2), guardiansConfirmed(0.3), invited(1)],
    "Noah Nilsson": [assign("caseworker", ids), assessed(0.1)],
  };
}

/**
 * About twenty demo cases, each reached by submitting real reports and applying real events
 * through the statechart — never by writing a state directly. Times lie in the past, so
 * some deadlines are overdue.
 */
export async function seedDemoCases(db: Db, now: Date): Promise<number> {
  const staff = await db.select().from(users);
  const session = (email: string): SessionUser => {
    const u = staff.find((s) => s.email === email);
    if (!u) throw new Error(`demo user ${email} missing`);
    return { ...u, organisation: null };
  };
  const ids: Record<Who, SessionUser> = {
    caseworker: session("handlaggare@demo.varna.se"),
    caseworker2: session("handlaggare2@demo.varna.se"),
    teamLead: session("arbetsledare@demo.varna.se"),
  };
  const school = session("skola@demo.varna.se");
  // The unit's deputy approver: a team lead's own proposal is never stuck in a unit with one team lead.
  await db.update(units).set({ deputyApproverId: ids.caseworker2.id }).where(eq(units.id, ids.teamLead.unitId!));

  const firstCase = new Map<string, { caseId: string; receivedAt: Date; guardians: string[] }>();
  for (const [i, demo] of demoReports.entries()) {
    const receivedAt = new Date(now.getTime() - demo.daysAgo * DAY - (i % 5) * 37 * 60 * 1000 - 60_000);
    const input: IntakeInput = { ...demo.input, idempotencyKey: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` };
    const submitter = demo.fromSchool ? { userId: school.id, name: school.name } : null;
    const result = await submitReport(db, input, submitter, receivedAt);
    if (!firstCase.has(demo.input.child.name)) {
      firstCase.set(demo.input.child.name, {
        caseId: result.caseId,
        receivedAt,
        guardians: demo.input.guardians.map((g) => g.name),
      });
    }
  }

  for (const [child, steps] of Object.entries(walks(ids))) {
    const c = firstCase.get(child);
    if (!c) throw new Error(`no demo report for ${child}`);
    for (const step of steps) {
      const at = new Date(Math.min(c.receivedAt.getTime() + step.day * DAY, now.getTime() - 1000));
      const [current] = await db.select({ snapshot: cases.snapshot, version: cases.version }).from(cases).where(eq(cases.id, c.caseId));
      const made = step.command({ child, guardians: c.guardians, snapshot: current!.snapshot as PersistedCase });
      let version = current!.version;
      for (let command of Array.isArray(made) ? made : [made]) {
        // Booked two days ahead, so a conversation recorded later is never before its booked time.
        if (command.type === "INVITATION_SENT") command = { ...command, date: stockholmDate(new Date(at.getTime() + 2 * DAY)) };
        if (command.type === "DEADLINE_EXTENDED") command = { ...command, until: stockholmDate(new Date(c.receivedAt.getTime() + 28 * DAY)) };
        const result = await runCaseCommand(db, { caseId: c.caseId, expectedVersion: version, user: ids[step.who], command }, at);
        if (!result.ok) throw new Error(`demo walk of ${child}: ${command.type} refused (${result.refusal})`);
        version = result.version;
      }
    }
  }
  return firstCase.size;
}
