/**
 * The form for choosing one's own password: the current one, the new one twice. Shared by the
 * browser and the server; messages are catalogue keys.
 */
import { z } from "zod";

import { passwordField } from "../auth/password-rules";

export const ownPasswordSchema = z
  .object({
    current: z.string({ error: "field.required" }).min(1, "field.required").max(200, "field.invalid"),
    password: passwordField(),
    repeat: z.string({ error: "field.required" }).min(1, "field.required").max(200, "field.invalid"),
    redirectTo: z.string().max(500).optional(),
  })
  .superRefine((v, issue) => {
    if (v.repeat !== v.password) issue.addIssue({ code: "custom", path: ["repeat"], message: "account.repeatMismatch" });
    if (v.password === v.current) issue.addIssue({ code: "custom", path: ["password"], message: "account.samePassword" });
  });

export type OwnPasswordInput = z.infer<typeof ownPasswordSchema>;
