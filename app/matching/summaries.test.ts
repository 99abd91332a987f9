/** The merge and a rejected match read well in the history, the audit export and in English. */
import { describe, expect, it } from "vitest";

import { summarizeEvent } from "../cases/event-summary";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { MATCH_BASES } from "./match-rules";

const actor = { id: "u", name: "Sara", role: "caseworker" } as const;
const at = "2026-03-20T10:00:00Z";

describe("possible matches in the history", () => {
  it("a merge is summarized on both cases, with the caseworker's comment", () => {
    expect(
      summarizeEvent("sv", {
        type: "CASE_MERGED",
        at,
        actor,
        intoCaseId: "a",
        intoReferenceNumber: "VRN-2026-00001",
        reportIds: ["r"],
        comment: "Samma skola och vårdnadshavare.",
      }),
    ).toEqual({
      title: "Bekräftad matchning: ärendet sammanfördes med VRN-2026-00001, dit anmälan flyttades",
      detail: "Samma skola och vårdnadshavare.",
    });
    expect(
      summarizeEvent("sv", {
        type: "REPORT_ADDED",
        at,
        actor,
        report: { id: "r", receivedAt: at, violence: false, protectedIdentity: false, mandatedReporter: true },
        joinedFrom: { caseId: "b", referenceNumber: "VRN-2026-00002" },
      }),
    ).toEqual({ title: "Anmälan från VRN-2026-00002 lades till ärendet (bekräftad matchning)", detail: null });
    expect(
      summarizeEvent("sv", {
        type: "MATCH_REJECTED",
        at,
        actor,
        candidateCaseId: "a",
        candidateReferenceNumber: "VRN-2026-00001",
        comment: "Olika vårdnadshavare.",
      }),
    ).toEqual({ title: "Möjlig matchning med VRN-2026-00001 avvisades: inte samma barn", detail: "Olika vårdnadshavare." });
    expect(
      summarizeEvent("sv", {
        type: "CHILD_LINKED",
        at,
        actor,
        candidateCaseId: "a",
        candidateReferenceNumber: "VRN-2025-00007",
        childId: "c-1",
        previousChildId: "c-2",
        comment: "Samma vårdnadshavare och skola.",
      }),
    ).toEqual({
      title: "Bekräftad matchning: samma barn som i det avslutade ärendet VRN-2025-00007 (ärendena hålls isär)",
      detail: "Samma vårdnadshavare och skola.",
    });
  });

  it("every text of the match panel is in both catalogues", () => {
    const keys = Object.keys(sv).filter((k) => k.startsWith("matching."));
    expect(keys.length).toBeGreaterThan(10);
    for (const basis of MATCH_BASES) expect(sv).toHaveProperty([`matching.basis.${basis}`]);
    for (const key of keys) expect(en, key).toHaveProperty([key]);
  });
});
