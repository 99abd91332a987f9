import { deadlineStatus, type DeadlineStatus } from "../../workflows/deadlines";
import type { Translate } from "../i18n";

/** Days left to a due date, counted from a Stockholm calendar date ('YYYY-MM-DD'). */
export function statusOn(due: string, today: string): DeadlineStatus {
  // Noon UTC is the same calendar day in Stockholm, whatever the season.
  return deadlineStatus(due, new Date(`${today}T12:00:00Z`));
}

export function deadlineText(t: Translate, status: DeadlineStatus): string {
  if (status.overdue) {
    return status.daysLeft === -1 ? t("deadline.overdue.one") : t("deadline.overdue", { days: -status.daysLeft });
  }
  if (status.dueToday) return t("deadline.today");
  return status.daysLeft === 1 ? t("deadline.inDays.one") : t("deadline.inDays", { days: status.daysLeft });
}

/** "N dagar försenad" / "idag" / "om N dagar", coloured by urgency. */
export function DeadlineBadge({ t, status }: { t: Translate; status: DeadlineStatus }) {
  const tone = status.overdue ? "overdue" : status.dueToday ? "today" : "ok";
  return <span className={`badge ${tone}`}>{deadlineText(t, status)}</span>;
}
