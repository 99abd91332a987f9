import { getSessionUser } from "./auth/session.server";
import { getDb } from "./db.server";
import { localeOf } from "./i18n/locale.server";
import { unitContact } from "./units.server";

/**
 * Who is signed in, the language, the municipality's name for the header and footer, and the
 * unit's phone and hours for the acute-danger notice (app/ui/acute-notice.tsx).
 */
export async function loadRoot(request: Request) {
  const db = await getDb();
  const [user, locale] = await Promise.all([getSessionUser(db, request), localeOf(request)]);
  const { municipality, phone, officeHours } = await unitContact(db, user?.unitId ?? null);
  return {
    locale,
    municipality,
    contact: { phone, officeHours },
    // Signed in with an admin's password, only Mitt konto is open to them until they choose their own.
    user: user ? { name: user.name, role: user.role, mustChoosePassword: user.passwordChangeRequired } : null,
  };
}
