import { createHash, createHmac } from "node:crypto";

import { sha256Hex } from "./hash";

/** The checkpoint sequence starts from this value. */
export const CHECKPOINT_GENESIS = createHash("sha256").update("varna:checkpoints").digest("hex");

export type CheckpointFields = {
  seq: number;
  caseId: string;
  caseSeq: number;
  caseHash: string;
  snapshotDigest: string;
  fromDigest: string;
  /** sorted "report:<id>:<sha256>" / "letter:<id>:<sha256>" entries, space-separated */
  documents: string;
  at: string; // ISO instant
};

/**
 * SHA-256 over the previous checkpoint's hash and the fields, one per line. No field can hold
 * a line break (numbers, uuids, hex, ISO instants, space-separated entries), so the lines are
 * unambiguous without a canonical JSON step — this runs once per change and once per
 * checkpoint in audit:verify.
 */
export function checkpointHash(prevHash: string, f: CheckpointFields): string {
  return sha256Hex(`${prevHash}\n${f.seq}\n${f.caseId}\n${f.caseSeq}\n${f.caseHash}\n${f.snapshotDigest}\n${f.fromDigest}\n${f.documents}\n${f.at}`);
}

/** Names a key without revealing it, so a checkpoint says which key sealed it (rotation). */
export function keyId(key: string): string {
  return createHash("sha256").update(`varna:audit-key:${key}`).digest("hex").slice(0, 16);
}

export function checkpointMac(key: string, hash: string): string {
  return createHmac("sha256", key).update(hash).digest("hex");
}
