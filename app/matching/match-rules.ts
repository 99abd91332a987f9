/**
 * When is an earlier case's child possibly the child of a new report without personnummer?
 * The names are already equal by their key (db/name-key.ts); this decides on the rest. Pure:
 * the database finds the candidates, this judges them, the caseworker decides.
 */
export type MatchBasis = "nameAndBirthDate" | "nameAgeAndSchool";
export const MATCH_BASES: readonly MatchBasis[] = ["nameAndBirthDate", "nameAgeAndSchool"];

/** A stated age is a guess: one year either way is still the same child. */
export const AGE_TOLERANCE = 1;

export type IncomingChild = {
  birthDate: string | null;
  /** The age the reporter gave, when no date of birth was known. */
  age: number | null;
  /** The school's key (name-key normalised), or null. */
  schoolKey: string | null;
  /** When the report was received (ISO). */
  at: string;
};

export type CandidateChild = {
  birthDate: string | null;
  /** Ages stated in the candidate case's reports, each with when it was stated. */
  statedAges: { age: number; at: string }[];
  schoolKeys: string[];
};

/** Whole years between a 'YYYY-MM-DD' birth date and the date of an ISO instant. */
export function ageOn(birthDate: string, at: string): number {
  const day = at.slice(0, 10);
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function yearsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000)));
}

/**
 * Same date of birth → a match by name and date of birth. Two different dates of birth → never
 * a match. Without a date of birth on one side: the same school and ages within a year of each
 * other (a date of birth counts as the age it gives).
 */
export function matchBasis(incoming: IncomingChild, candidate: CandidateChild): MatchBasis | null {
  if (incoming.birthDate && candidate.birthDate) {
    return incoming.birthDate === candidate.birthDate ? "nameAndBirthDate" : null;
  }
  if (!incoming.schoolKey || !candidate.schoolKeys.includes(incoming.schoolKey)) return null;
  const age = incoming.birthDate ? ageOn(incoming.birthDate, incoming.at) : incoming.age;
  if (age === null) return null;
  const candidateAges = candidate.birthDate
    ? [ageOn(candidate.birthDate, incoming.at)]
    : candidate.statedAges.map((s) => s.age + yearsBetween(s.at, incoming.at));
  return candidateAges.some((a) => Math.abs(a - age) <= AGE_TOLERANCE) ? "nameAgeAndSchool" : null;
}
