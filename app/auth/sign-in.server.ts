import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import { login } from "./login.server";
import { landingPage } from "./roles";

export { landingPage };

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
