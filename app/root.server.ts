import { getSessionUser } from "./auth/session.server";
import { getDb } from "./db.server";
import { localeOf } from "./i18n/locale.server";

export async function loadRoot(request: Request) {
  const [user, locale] = await Promise.all([
    getDb().then((db) => getSessionUser(db, request)),
    localeOf(request),
  ]);
  return { locale, user: user ? { name: user.name, role: user.role } : null };
}
