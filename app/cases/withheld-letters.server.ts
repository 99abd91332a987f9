/**
 * Which archived letters staff may no longer open: a letter to the family that printed the
 * address of someone who has protected identity now. The letter is kept exactly as sent (the
 * auditors' export and their case page still hand it out); the case page lists it as withheld
 * and the download refuses it. A letter sent after the protection printed no address and
 * stays readable, so a letter to a protected person can still be printed again.
 *
 * Who a letter went to and what address it printed is worked out from the case as it stood
 * when the letter was made: its events replayed up to the letter's own event. No I/O.
 */
import {
  childLetterAddress,
  decide,
  guardianLetterAddress,
  openCase,
  type CaseContext,
  type CaseEvent,
  type CaseOpenedEvent,
  type PersistedCase,
} from "../../workflows";
import { firstName } from "./case-letters.server";

/** The letters that go to the family (and print their address). */
const FAMILY_LETTERS: readonly string[] = ["invitation", "decision", "investigationNotice"];

type LetterRef = { id: string; kind: string; recipientName: string | null; eventSeq: number | null };

/** The context after each event, by seq (events in order, the first CASE_OPENED). */
function contextsBySeq(events: readonly { seq: number; event: CaseEvent }[]): Map<number, CaseContext> | null {
  const [first, ...rest] = events;
  if (!first || first.event.type !== "CASE_OPENED") return null;
  let snapshot: PersistedCase = openCase(first.event as CaseOpenedEvent).snapshot;
  const contexts = new Map([[first.seq, snapshot.context]]);
  for (const { seq, event } of rest) {
    if (event.type === "CASE_OPENED") return null;
    const result = decide(snapshot, event);
    if (!result.ok) return null;
    snapshot = result.snapshot;
    contexts.set(seq, snapshot.context);
  }
  return contexts;
}

/**
 * The ids of the letters withheld from staff. `now`: the case's context today, whether the
 * child's identity is protected by any means (the page's rule), and the child's record's address.
 */
export function withheldLetterIds(
  events: readonly { seq: number; event: CaseEvent }[],
  letters: readonly LetterRef[],
  now: { context: CaseContext; childProtected: boolean; recordAddress: string | null },
): Set<string> {
  const family = letters.filter((l) => FAMILY_LETTERS.includes(l.kind));
  const protectedNow = (guardianId: string | null) =>
    now.childProtected || (guardianId !== null && now.context.guardians.some((g) => g.id === guardianId && g.protectedIdentity));
  if (family.length === 0 || !(now.childProtected || now.context.guardians.some((g) => g.protectedIdentity))) return new Set();
  const contexts = contextsBySeq(events);
  const withheld = new Set<string>();
  for (const letter of family) {
    const then = letter.eventSeq === null ? undefined : contexts?.get(letter.eventSeq);
    // Without the case as it stood (never expected), a letter to the family of a protected person is withheld.
    if (!then) {
      withheld.add(letter.id);
      continue;
    }
    const guardian = then.guardians.find((g) => g.name === letter.recipientName) ?? null;
    const toChild = !guardian && letter.recipientName === firstName(then.child.name);
    // Nobody the case knew by that name (never expected): withheld, to be safe.
    if (!guardian && !toChild) {
      withheld.add(letter.id);
      continue;
    }
    const printed = guardian ? guardianLetterAddress(then, guardian) : childLetterAddress(then, now.recordAddress);
    if (printed !== null && printed.trim() !== "" && protectedNow(guardian?.id ?? null)) withheld.add(letter.id);
  }
  return withheld;
}
