import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { destroySession } from "~/auth/session.server";
import { getDb } from "~/db.server";

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await destroySession(await getDb(), request);
  return redirect("/logga-in", { headers: { "Set-Cookie": setCookie } });
}

export const loader = () => redirect("/");
