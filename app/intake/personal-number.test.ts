import { describe, expect, it } from "vitest";

import { parsePersonalNumber } from "./personal-number";

// Midsummer week 2025, midday in Stockholm: every case below is relative to this day.
const today = new Date("2025-06-15T10:00:00Z");

/** Our own Luhn (mod 10) over YYMMDDNNN, to build numbers for arbitrary dates. */
function withCheckDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let v = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return nineDigits + ((10 - (sum % 10)) % 10);
}

describe("parsePersonalNumber", () => {
  it("accepts Skatteverket's test number 19121212-1212 in every spelling", () => {
    const expected = {
      ok: true,
      normalised: "191212121212",
      birthDate: "1912-12-12",
      coordination: false,
    };
    expect(parsePersonalNumber("19121212-1212", today)).toEqual(expected);
    expect(parsePersonalNumber("191212121212", today)).toEqual(expected);
    expect(parsePersonalNumber("19121212+1212", today)).toEqual(expected);
    // 10 digits: '+' says the person has turned 100.
    expect(parsePersonalNumber("121212+1212", today)).toEqual(expected);
    expect(parsePersonalNumber(" 121212 + 1212 ", today)).toEqual(expected);
  });

  it("reads a 10-digit number with '-' or no separator as the most recent century", () => {
    const expected = {
      ok: true,
      normalised: "201212121212",
      birthDate: "2012-12-12",
      coordination: false,
    };
    expect(parsePersonalNumber("121212-1212", today)).toEqual(expected);
    expect(parsePersonalNumber("1212121212", today)).toEqual(expected);
  });

  it("accepts a child's number, 10 and 12 digits", () => {
    const expected = {
      ok: true,
      normalised: "200809032386",
      birthDate: "2008-09-03",
      coordination: false,
    };
    expect(parsePersonalNumber("20080903-2386", today)).toEqual(expected);
    expect(parsePersonalNumber("200809032386", today)).toEqual(expected);
    expect(parsePersonalNumber("080903-2386", today)).toEqual(expected);
    expect(parsePersonalNumber("0809032386", today)).toEqual(expected);
  });

  it("refuses a wrong check digit", () => {
    expect(parsePersonalNumber("19121212-1213", today)).toEqual({ ok: false });
    expect(parsePersonalNumber("080903-2387", today)).toEqual({ ok: false });
  });

  it("refuses an impossible date even with a correct check digit", () => {
    const feb30 = withCheckDigit("230230123"); // 2023-02-30
    expect(parsePersonalNumber(`20${feb30.slice(0, 6)}-${feb30.slice(6)}`, today)).toEqual({
      ok: false,
    });
    expect(parsePersonalNumber(feb30, today)).toEqual({ ok: false });
    const month13 = withCheckDigit("101301123");
    expect(parsePersonalNumber(month13, today)).toEqual({ ok: false });
  });

  it("knows leap days", () => {
    const leap = withCheckDigit("160229123");
    expect(parsePersonalNumber(leap, today)).toMatchObject({ ok: true, birthDate: "2016-02-29" });
    const notLeap = withCheckDigit("150229123");
    expect(parsePersonalNumber(notLeap, today)).toEqual({ ok: false });
  });

  it("resolves the century around today's date within the year", () => {
    // Born 1 March, '25: already passed this year → 2025.
    const spring = withCheckDigit("250301123");
    expect(parsePersonalNumber(spring, today)).toMatchObject({ ok: true, birthDate: "2025-03-01" });
    // Born today, '25 → 2025 (a newborn).
    const newborn = withCheckDigit("250615123");
    expect(parsePersonalNumber(newborn, today)).toMatchObject({ ok: true, birthDate: "2025-06-15" });
    // Born 1 August, '25: not yet this year → 1925.
    const august = withCheckDigit("250801123");
    expect(parsePersonalNumber(august, today)).toMatchObject({
      ok: true,
      normalised: `19${august}`,
      birthDate: "1925-08-01",
    });
    // The same number with '+' is a century earlier still.
    expect(parsePersonalNumber(`${august.slice(0, 6)}+${august.slice(6)}`, today)).toMatchObject({
      ok: true,
      birthDate: "1825-08-01",
    });
  });

  it("uses the Swedish calendar date of `today`, not UTC", () => {
    // 23:30 UTC on 14 June is already 15 June in Stockholm.
    const lateEvening = new Date("2025-06-14T23:30:00Z");
    const born15June = withCheckDigit("250615123");
    expect(parsePersonalNumber(born15June, lateEvening)).toMatchObject({ birthDate: "2025-06-15" });
  });

  it("refuses a 12-digit number born in the future", () => {
    const future = withCheckDigit("300101123");
    expect(parsePersonalNumber(`20${future}`, today)).toEqual({ ok: false });
    const tomorrow = withCheckDigit("250616123");
    expect(parsePersonalNumber(`20${tomorrow}`, today)).toEqual({ ok: false });
  });

  it("accepts a samordningsnummer (day + 60) and gives the real birth date", () => {
    expect(parsePersonalNumber("701063-2383", today)).toEqual({
      ok: true,
      normalised: "197010632383",
      birthDate: "1970-10-03",
      coordination: true,
    });
    expect(parsePersonalNumber("19701063-2383", today)).toMatchObject({ ok: true, coordination: true });
    const child = withCheckDigit("150371123"); // 11 March 2015
    expect(parsePersonalNumber(child, today)).toMatchObject({
      ok: true,
      birthDate: "2015-03-11",
      coordination: true,
    });
  });

  it("refuses an invalid samordningsnummer", () => {
    expect(parsePersonalNumber("701063-2384", today)).toEqual({ ok: false }); // check digit
    const day93 = withCheckDigit("701093123"); // 93 − 60 = 33
    expect(parsePersonalNumber(day93, today)).toEqual({ ok: false });
    const day60 = withCheckDigit("701060123"); // 60 − 60 = 0
    expect(parsePersonalNumber(day60, today)).toEqual({ ok: false });
  });

  it("refuses what is not shaped like a number", () => {
    for (const bad of [
      "",
      "abc",
      "12345",
      "19121212-12121",
      "1912121212121",
      "121212--1212",
      "19121212_1212",
      "121212-000" + "0",
      "121212-T212",
      "１２１２１２-１２１２",
    ]) {
      expect(parsePersonalNumber(bad, today), bad).toEqual({ ok: false });
    }
  });
});
