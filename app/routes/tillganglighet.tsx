import type { MetaFunction } from "@remix-run/node";

import { AccessibilityStatement } from "~/accessibility/statement";
import { translate, useLocale, type Locale } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "a11y.metaTitle") }];
};

export default function AccessibilityPage() {
  return <AccessibilityStatement locale={useLocale()} />;
}
