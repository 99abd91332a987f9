import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { ensureDefaultUnit } from "../units.server";
import { downloadLetter, loadCasePage, performCaseAction } from "./case-page.server";
import { runCaseCommand } from "./commands.server";
import { formatInboxCursor, inboxSearch, parseInboxFilters } from "./inbox-filters";
import { likePattern, loadInbox } from "./inbox.server";
import { createStaff, createUnit, report } from "../../test/testing.server";

// 11:00 in Stockholm on Friday 20 March 2026.
const NOW = new Date("2026-03-20T10:00:00Z");

describe.each(testDatabaseKinds())("the inbox (%s)", (kind) => {
  let t: TestDatabase;
  let caseworker: SessionUser;
  let otherCaseworker: SessionUser;
  let teamLead: SessionUser;
  let strangerCaseworker: SessionUser;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};

  const inbox = (user: SessionUser, query = "") => loadInbox(t.db, user, new URL(`http://x/arenden${query}`), NOW);
  const names = async (user: SessionUser, query = "") => (await inbox(user, query)).rows.map((r) => r.childName);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    const otherUnit = await createUnit(t.db, "Barn och unga, Grannkommun");
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Lindqvist");
    otherCaseworker = await createStaff(t.db, unitId, "caseworker", "Johan Berg");
    teamLead = await createStaff(t.db, unitId, "teamLead", "Maria Holm");
    strangerCaseworker = await createStaff(t.db, otherUnit, "caseworker", "Kim Annanstans");

    // Protection assessment due the same day (before 16:00), so these deadlines differ by day.
    const made = {
      longOverdue: await report(t.db, "2026-03-01T09:00:00Z", { childName: "Alva Överdag" }),
      overdueYesterday: await report(t.db, "2026-03-19T09:00:00Z", { childName: "Bo Igår" }),
      dueToday: await report(t.db, "2026-03-20T07:00:00Z", { childName: "Cleo Idag" }),
      violenceToday: await report(t.db, "2026-03-20T08:00:00Z", {
        childName: "Dani Våld",
        violenceKinds: ["familyViolence"],
      }),
      planning: await report(t.db, "2026-03-18T09:00:00Z", { childName: "Eva Planering" }),
      percent: await report(t.db, "2026-03-17T09:00:00Z", { childName: "Frida 100%_Säker" }),
    };
    const reportIds: Record<string, string> = {};
    for (const [key, r] of Object.entries(made)) {
      ids[key] = r.caseId;
      reportIds[key] = r.reportId;
      refs[key] = r.referenceNumber;
    }
    // Protection assessed on the 18th: the 14-day decision deadline (1 April) now governs.
    const assessed = await runCaseCommand(
      t.db,
      {
        caseId: ids.planning!,
        expectedVersion: 1,
        user: caseworker,
        command: { type: "PROTECTION_ASSESSED", reportId: reportIds.planning!, needsProtection: false, assessment: "Inget akut skyddsbehov." },
      },
      new Date("2026-03-18T12:00:00Z"),
    );
    // The caseworker who acted first took the case (ASSIGNED, then the assessment).
    expect(assessed).toEqual({ ok: true, version: 3 });
    const percentAssessed = await runCaseCommand(
      t.db,
      {
        caseId: ids.percent!,
        expectedVersion: 1,
        user: caseworker,
        command: { type: "PROTECTION_ASSESSED", reportId: reportIds.percent!, needsProtection: false, assessment: "Inget akut skyddsbehov." },
      },
      new Date("2026-03-17T12:00:00Z"),
    );
    expect(percentAssessed.ok).toBe(true);
    const assigned = await runCaseCommand(
      t.db,
      {
        caseId: ids.planning!,
        expectedVersion: 3,
        user: teamLead,
        command: { type: "ASSIGNED", assignee: { id: caseworker.id, name: caseworker.name } },
      },
      NOW,
    );
    expect(assigned.ok).toBe(true);
  });
  afterAll(() => t.drop());

  it("sorts overdue first, then due today (violence first within the day), then later deadlines", async () => {
    expect(await names(caseworker)).toEqual([
      "Alva Överdag",
      "Bo Igår",
      "Dani Våld",
      "Cleo Idag",
      "Frida 100%_Säker",
      "Eva Planering",
    ]);
    const { rows, today, hasNext } = await inbox(caseworker);
    expect(today).toBe("2026-03-20");
    expect(hasNext).toBe(false);
    const planning = rows.find((r) => r.id === ids.planning)!;
    expect(planning).toMatchObject({
      referenceNumber: refs.planning,
      state: "preliminaryAssessment.planning",
      nextDeadlineKind: "decision",
      nextDeadline: "2026-04-01",
      decisionDue: "2026-04-01",
      assigneeName: "Sara Lindqvist",
      childBirthDate: "2014-03-12",
      reportCount: 1,
    });
    expect(rows.find((r) => r.id === ids.violenceToday)!.violence).toBe(true);
  });

  it("filters by state", async () => {
    expect(await names(caseworker, "?state=preliminaryAssessment.planning")).toEqual([
      "Frida 100%_Säker",
      "Eva Planering",
    ]);
    expect(await names(caseworker, "?state=received")).toHaveLength(4);
    // An unknown state is ignored rather than failing the page.
    expect(await names(caseworker, "?state=<script>")).toHaveLength(6);
  });

  it("filters by assignee: mine, unassigned, a named caseworker", async () => {
    // The caseworker took both cases they assessed (the first to act on an unassigned case).
    expect(await names(caseworker, "?assignee=mine")).toEqual(["Frida 100%_Säker", "Eva Planering"]);
    expect(await names(otherCaseworker, "?assignee=mine")).toEqual([]);
    expect(await names(teamLead, `?assignee=${caseworker.id}`)).toEqual(["Frida 100%_Säker", "Eva Planering"]);
    expect(await names(caseworker, "?assignee=unassigned")).not.toContain("Eva Planering");
    expect(await names(caseworker, "?assignee=unassigned")).toHaveLength(4);
  });

  it("filters by deadline: overdue, today, within a week", async () => {
    expect(await names(caseworker, "?deadline=overdue")).toEqual(["Alva Överdag", "Bo Igår"]);
    expect(await names(caseworker, "?deadline=today")).toEqual(["Dani Våld", "Cleo Idag"]);
    // 17 March + 14 days = 31 March: 11 days away, outside the week; 1 April likewise.
    expect(await names(caseworker, "?deadline=week")).toEqual(["Alva Överdag", "Bo Igår", "Dani Våld", "Cleo Idag"]);
  });

  it("searches the reference number and the child's name, case-insensitively, with wildcards escaped", async () => {
    expect(await names(caseworker, "?q=cleo")).toEqual(["Cleo Idag"]);
    expect(await names(caseworker, `?q=${encodeURIComponent(refs.planning!)}`)).toEqual(["Eva Planering"]);
    expect(await names(caseworker, `?q=${encodeURIComponent("100%_s")}`)).toEqual(["Frida 100%_Säker"]);
    // "%" alone must not match everything: no child name or reference holds a bare "%_x".
    expect(await names(caseworker, `?q=${encodeURIComponent("%_x")}`)).toEqual([]);
    expect(likePattern("a%b_c\\")).toBe("%a\\%b\\_c\\\\%");
  });

  it("combines filters and pages through the results", async () => {
    expect(await names(caseworker, "?state=received&deadline=today&q=dani")).toEqual(["Dani Våld"]);
    const page2 = await inbox(caseworker, "?page=2");
    expect(page2.rows).toEqual([]);
    expect(page2.filters.page).toBe(2);
    expect(inboxSearch(parseInboxFilters(new URLSearchParams("state=received&page=3&q=%20x%20")))).toBe(
      "?state=received&q=x&page=3",
    );
  });

  it("a next-page link starts right after the last row it saw (keyset), in the same order", async () => {
    const all = (await inbox(caseworker)).rows;
    const cursorAfter = (i: number) =>
      formatInboxCursor({
        nextDeadline: all[i]!.nextDeadline,
        later: !(all[i]!.urgent || all[i]!.violence),
        receivedAt: all[i]!.receivedAt,
        id: all[i]!.id,
      });
    // After the violence case due today: the other case due today, then the later ones.
    expect(await names(caseworker, `?page=2&after=${cursorAfter(2)}`)).toEqual(["Cleo Idag", "Frida 100%_Säker", "Eva Planering"]);
    expect(await names(caseworker, `?page=2&after=${cursorAfter(0)}&deadline=overdue`)).toEqual(["Bo Igår"]);
    expect(await names(caseworker, `?page=2&after=${cursorAfter(5)}`)).toEqual([]);
    // The link carries the cursor; a forged one is ignored (the page is then found by skipping).
    expect(inboxSearch({ ...parseInboxFilters(new URLSearchParams("page=2")), after: cursorAfter(2) })).toContain("after=");
    expect(parseInboxFilters(new URLSearchParams("page=2&after=x'--")).after).toBeNull();
  });

  it("a caseworker of another unit sees nothing: no rows, no case page, no letters, no actions", async () => {
    expect((await inbox(strangerCaseworker)).rows).toEqual([]);
    expect(await loadCasePage(t.db, strangerCaseworker, ids.dueToday!, NOW)).toBeNull();
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.userId, strangerCaseworker.id));
    expect(logged).toEqual([]);

    const form = new FormData();
    form.set("intent", "NOTE_ADDED");
    form.set("version", "1");
    form.set("text", "Försök från fel enhet");
    expect(await performCaseAction(t.db, strangerCaseworker, ids.dueToday!, form, NOW)).toEqual({ ok: false, status: 404 });

    const page = await loadCasePage(t.db, caseworker, ids.dueToday!, NOW);
    const receipt = page!.letters[0]!;
    expect(await downloadLetter(t.db, strangerCaseworker, ids.dueToday!, receipt.id, NOW)).toBeNull();
    expect(await downloadLetter(t.db, caseworker, ids.dueToday!, receipt.id, NOW)).not.toBeNull();
  });

  // Last: it adds a case to the unit.
  it("a search lists each matching case once, in inbox order, and its next-link continues it", async () => {
    // Every reference number of 2026 holds "2026"; this child's name does too, so its case
    // matches both by name and by reference.
    const both = await report(t.db, "2026-03-20T09:00:00Z", { childName: "Kim 2026 Dubbel" });
    const everyCase = (await inbox(caseworker, "?state=all")).rows;
    const found = (await inbox(caseworker, "?q=2026")).rows;
    expect(found.map((r) => r.id)).toEqual(everyCase.map((r) => r.id));
    expect(found.filter((r) => r.id === both.caseId)).toHaveLength(1);
    // The rows carry what the page shows: names, deadlines, the assignee.
    expect(found.find((r) => r.id === ids.planning)).toMatchObject({ childName: "Eva Planering", assigneeName: "Sara Lindqvist", nextDeadline: "2026-04-01" });
    const after = (i: number) =>
      formatInboxCursor({ nextDeadline: found[i]!.nextDeadline, later: !(found[i]!.urgent || found[i]!.violence), receivedAt: found[i]!.receivedAt, id: found[i]!.id });
    expect((await inbox(caseworker, `?q=2026&page=2&after=${after(2)}`)).rows.map((r) => r.id)).toEqual(found.slice(3).map((r) => r.id));
    expect(await names(caseworker, "?q=dubbel")).toEqual(["Kim 2026 Dubbel"]);
  });
});
