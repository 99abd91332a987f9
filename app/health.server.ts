import { database } from "./db.server";
import { databaseDown, noteDatabaseError } from "./server/db-outage.server";

/** The app answers and its database answers within two seconds. */
export async function checkHealth(): Promise<boolean> {
  if (databaseDown()) return false;
  const probe = database().then((db) => db.rows("select 1 as ok"));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref());
  try {
    await Promise.race([probe, timeout]);
    return true;
  } catch (error) {
    noteDatabaseError(error);
    return false;
  }
}
