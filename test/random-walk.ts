/**
 * Random but plausible commands for a case, for tests and benchmarks that need many cases
 * that took every path. The statechart still decides; a refused command is simply skipped.
 */
import { randomUUID } from "node:crypto";

import {
  availableCommands,
  FACT_COMMANDS,
  hasOwnVoice,
  SUPPORT_MEASURES,
  stockholmDate,
  type Actor,
  type PersistedCase,
  type SupportMeasure,
} from "../workflows/index";
import type { CommandInput } from "../app/cases/commands.server";
import { isFormCommand } from "../app/cases/command-schemas";

export type Rng = () => number;

/** A small seeded PRNG (mulberry32): the same seed walks the same path. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const measures = (rng: Rng): SupportMeasure[] => SUPPORT_MEASURES.filter(() => rng() < 0.4).slice(0, 3);

/** One command the case's state allows for `actor`, with a payload the guards accept (mostly). */
export function randomCommand(
  rng: Rng,
  snapshot: PersistedCase,
  actor: Actor,
  at: Date,
  staff: { id: string; name: string }[],
): CommandInput | null {
  const options = availableCommands(snapshot, actor).filter(isFormCommand);
  if (options.length === 0) return null;
  // Prefer moving forward over notes and extensions, so walks reach the end.
  const aside: string[] = ["NOTE_ADDED", "DEADLINE_EXTENDED", "ASSIGNED", "INVESTIGATION_EXTENSION_PROPOSED", ...FACT_COMMANDS];
  const forward = options.filter((t) => !aside.includes(t));
  const type = forward.length > 0 && rng() < 0.85 ? pick(rng, forward) : pick(rng, options);
  const ctx = snapshot.context;
  const later = (days: number) => stockholmDate(new Date(at.getTime() + days * 86_400_000));
  switch (type) {
    case "PROTECTION_ASSESSED": {
      const report = ctx.reports.find((r) => r.protection === null);
      return report ? { type, reportId: report.id, needsProtection: rng() < 0.15, assessment: "Bedömning av skyddsbehov." } : null;
    }
    case "ASSIGNED": {
      const who = pick(rng, staff);
      return { type, assignee: { id: who.id, name: who.name } };
    }
    case "NOTE_ADDED":
      return { type, text: "Journalanteckning." };
    case "DEADLINE_EXTENDED": {
      // Only the 14 days; the 4 months are extended by an approved proposal.
      if (ctx.deadlines.decision.metAt) return null;
      const deadline = "decision" as const;
      const current = ctx.deadlines.decision.due;
      const until = stockholmDate(new Date(new Date(`${current}T12:00:00Z`).getTime() + 14 * 86_400_000));
      return { type, deadline, until, reason: "Synnerliga skäl: familjen är bortrest." };
    }
    case "INVITATION_SENT":
      return { type, date: later(3), time: "10:00", place: "Socialtjänsten", invitees: ["Vårdnadshavare", ctx.child.name] };
    case "CONVERSATION_HELD":
      return { type, participants: ["Vårdnadshavare", ctx.child.name], notes: "Samtal genomfört." };
    case "NO_SHOW":
      return { type, note: "Kom inte." };
    case "DECISION_PROPOSED": {
      const outcome = ctx.flags.violence
        ? "openInvestigation"
        : pick(rng, ["noInvestigation", "noInvestigation", "openInvestigation", "alreadyInvestigated", "transfer"] as const);
      return {
        type,
        outcome,
        reasoning: "Motivering.",
        support: outcome === "noInvestigation" ? measures(rng) : [],
        ...(ctx.conversation ? {} : { childNotHeardReason: "Barnet har inte kunnat nås." }),
        ...(outcome === "transfer" ? { transferTo: "Uddevalla kommun" } : {}),
      };
    }
    case "DECISION_APPROVED":
      return { type };
    case "DECISION_RETURNED":
      return { type, comment: "Komplettera motiveringen." };
    case "SUPPORT_ACCEPTED":
    case "SUPPORT_DECLINED":
      return {
        type,
        note: "Besked per telefon.",
        ...(hasOwnVoice(ctx, at.toISOString()) ? { childAnswer: rng() < 0.5 ? "accepted" : "declined" } : {}),
      };
    case "GUARDIAN_ADDED":
      return {
        type,
        guardianId: randomUUID(),
        name: pick(rng, ["Vårdnadshavare", "Sara Berg", "Omar Ali"]),
        address: "Storgatan 1\n453 30 Lysekil",
        custody: rng() < 0.9,
        confirmed: rng() < 0.6,
        reason: "Uppgift från anmälan, kontrollerad i folkbokföringen.",
      };
    case "GUARDIAN_CORRECTED":
    case "GUARDIAN_CONFIRMED":
    case "GUARDIAN_REMOVED":
    case "GUARDIAN_SUSPECTED": {
      const guardian = ctx.guardians.length > 0 ? pick(rng, ctx.guardians) : null;
      if (!guardian) return null;
      const reason = "Rättat efter kontakt med familjen.";
      if (type === "GUARDIAN_CORRECTED") return { type, guardianId: guardian.id, name: guardian.name, address: "Nygatan 2", custody: true, reason };
      if (type === "GUARDIAN_SUSPECTED") return { type, guardianId: guardian.id, suspected: !guardian.suspected, reason };
      return { type, guardianId: guardian.id, reason };
    }
    case "CHILD_ADDRESS_CORRECTED":
      return { type, address: rng() < 0.8 ? "Nygatan 3\n453 30 Lysekil" : null, reason: "Enligt folkbokföringen." };
    case "VIOLENCE_FLAG_SET":
      return { type, kinds: ["familyViolence"], reason: "Framkom i samtal med skolan." };
    case "VIOLENCE_FLAG_CLEARED":
      return { type, reason: "Uppgiften visade sig felaktig." };
    case "PROTECTED_IDENTITY_SET":
      return { type, person: "child", protectedIdentity: rng() < 0.5, reason: "Besked från Skatteverket." };
    case "INVESTIGATION_EXTENSION_PROPOSED": {
      const due = ctx.deadlines.investigation?.due;
      if (!due) return null;
      const until = stockholmDate(new Date(new Date(`${due}T12:00:00Z`).getTime() + 30 * 86_400_000));
      return { type, until, reason: "Särskilda skäl: utlåtande från BUP dröjer." };
    }
    case "INVESTIGATION_EXTENSION_APPROVED":
      return { type };
    case "INVESTIGATION_NOTICE_SENT":
      return { type };
    case "INVESTIGATION_CONCLUDED": {
      const support = rng() < 0.5 ? measures(rng) : [];
      return support.length > 0
        ? { type, outcome: "support", support, summary: "Utredningen är klar." }
        : { type, outcome: "none", support: [], summary: "Utredningen är klar." };
    }
    default:
      return null;
  }
}
