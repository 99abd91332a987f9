import { createHash } from "node:crypto";

import canonicalize from "canonicalize";

/** The chain of a case starts from this value, so a case's first event is bound to its id. */
export function genesisHash(caseId: string): string {
  return createHash("sha256").update(`varna:case:${caseId}`).digest("hex");
}

export type HashedFields = {
  caseId: string;
  seq: number;
  type: string;
  event: unknown;
  actorId: string | null;
  actorName: string;
  occurredAt: string; // ISO instant
};

/**
 * SHA-256 over the previous hash and the RFC 8785 (JCS) canonical JSON of the event, so
 * anyone can recompute the chain from an export without this code.
 */
export function eventHash(prevHash: string, fields: HashedFields): string {
  const body = canonicalize(fields);
  if (body === undefined) throw new Error("event is not serialisable");
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
