import argon2 from "argon2";

// argon2id with the library's defaults (64 MiB, t=3, p=4): memory-hard, as quality.md asks.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A hash to verify against when the account does not exist, so that the time taken does
// not tell an attacker which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    if (hash === null) {
      await argon2.verify(await (dummyHash ??= hashPassword("no-such-account")), password);
      return false;
    }
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
