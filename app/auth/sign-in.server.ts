import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import { login } from "./login.server";
import type { Role } from "./roles";

/** Where each role starts after signing in. */
export function landingPage(role: Role): string {
  switch (role) {
    case "caseworker":
    case "teamLead":
      return "/arenden";
    case "reporter":
      return "/mina-anmalningar";
    // The auditors' page (/granskning) and the admin pages are not built yet.
    case "auditor":
    case "admin":
      return "/";
  }
}

export async function signIn(
  db: Db,
  input: { email: string; password: string },
  clientAddress: string,
) {
  const result = await login(db, { ...input, clientAddress });
  if (!result.ok) return result;
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, result.userId));
  return { ...result, landing: landingPage(user!.role) };
}
