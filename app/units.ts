/**
 * A unit's phone hours as the admin writes them ("Vardagar 08–16"), as they read inside a
 * Swedish sentence ("… vardagar 08–16 …"): on the letters, the accessibility statement and
 * the acute-danger notice alike.
 */
export function hoursInSentence(officeHours: string): string {
  return officeHours.trim().toLocaleLowerCase("sv");
}
