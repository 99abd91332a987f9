/**
 * The form asks a signed-in mandated reporter's kind of organisation pre-filled when their
 * account has something to go on: what they stated last time, else what their organisation's
 * name plainly says (a school is a school). Nothing when it says nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { organisations, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { createStaff, intake, report } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { sectorOfAccount } from "./account-sector.server";
import { submitReport } from "./submit.server";

describe.each(testDatabaseKinds())("the kind of organisation pre-filled for an account (%s)", (kind) => {
  let t: TestDatabase;
  let unitId: string;
  const reporter = async (name: string, organisation: string | null, title: string | null, mandatedReporter = true) => {
    const user = await createStaff(t.db, null, "reporter", name);
    const [org] = organisation ? await t.db.insert(organisations).values({ unitId, name: organisation }).returning({ id: organisations.id }) : [];
    await t.db.update(users).set({ organisationId: org?.id ?? null, title, mandatedReporter }).where(eq(users.id, user.id));
    return { ...user, organisation, title, mandatedReporter } satisfies SessionUser;
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    unitId = await ensureDefaultUnit(t.db);
  });
  afterAll(() => t.drop());

  it("reads a school, a preschool or the police from the organisation's name", async () => {
    expect(await sectorOfAccount(t.db, await reporter("Karin Ek", "Gullmarsskolan", "Skolkurator"))).toBe("school");
    expect(await sectorOfAccount(t.db, await reporter("Eva Ros", "Förskolan Solen", null))).toBe("preschool");
    expect(await sectorOfAccount(t.db, await reporter("Per Polis", "Polisen Lysekil", null))).toBe("police");
  });

  it("pre-fills nothing when the account says nothing, or is not a mandated reporter's", async () => {
    expect(await sectorOfAccount(t.db, await reporter("Anna Diakon", "Lysekils församling", "Diakon"))).toBeNull();
    expect(await sectorOfAccount(t.db, await reporter("Bo Privat", null, null, false))).toBeNull();
  });

  it("takes what the reporter stated last time over the name's guess", async () => {
    const nurse = await reporter("Sara Sköterska", "Region Västra Götaland", null);
    expect(await sectorOfAccount(t.db, nurse)).toBe("healthCare");
    const stated = intake({
      reporter: { kind: "mandated", name: nurse.name, organisation: "Region Västra Götaland", title: "Utredare", phone: "0523-61 30 00", email: null, sector: "police" },
    });
    await submitReport(t.db, stated, { userId: nurse.id, name: nurse.name }, new Date("2026-03-01T09:00:00Z"));
    // Someone else's report never counts.
    await report(t.db, "2026-03-02T09:00:00Z", {
      reporter: { kind: "mandated", name: "Annan", organisation: "Region Västra Götaland", title: "Läkare", phone: "0523-61 30 00", email: null, sector: "healthCare" },
    });
    expect(await sectorOfAccount(t.db, nurse)).toBe("police");
  });
});
