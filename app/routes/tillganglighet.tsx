import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { AccessibilityStatement } from "~/accessibility/statement";
import { statementContact } from "~/accessibility/statement.server";
import { translate, useLocale, type Locale } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "a11y.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  return { contact: await statementContact(request) };
}

export default function AccessibilityPage() {
  const { contact } = useLoaderData<typeof loader>();
  return <AccessibilityStatement locale={useLocale()} contact={contact} />;
}
