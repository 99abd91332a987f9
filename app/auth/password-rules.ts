/**
 * What a password must be, whoever chooses it (an admin for a new account or a reset, or the
 * user themselves). Shared by the browser and the server.
 */
import { z } from "zod";

/** Long enough to resist guessing; the hash (argon2id) does the rest. */
export const MIN_PASSWORD = 12;

export const passwordField = () =>
  z.string({ error: "field.required" }).min(MIN_PASSWORD, "admin.passwordShort").max(200, "field.tooLong");
