import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // 0 lets the system choose a free port (the tests start servers that way).
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
      .optional(),
    DATA_DIR: z.string().min(1).default("./.data"),
    SESSION_SECRET: z.string().min(1).optional(),
    SEED_DEMO: z.enum(["0", "1"]).optional(),
    AUDIT_KEY: z
      .string()
      .refine((v) => v.split(",").every((k) => k.trim().length >= 32), "AUDIT_KEY: each key must be at least 32 characters")
      .optional(),
    /** Express' "trust proxy": which proxies may report the client's address and TLS. */
    TRUST_PROXY: z.string().min(1).default("loopback"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET is required when NODE_ENV=production and DATABASE_URL is set",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUDIT_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["AUDIT_KEY"],
        message: "AUDIT_KEY is required when NODE_ENV=production and DATABASE_URL is set (it must not live in the database)",
      });
    }
  });

export type Env = {
  production: boolean;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded database's own directory inside DATA_DIR (beside the generated secrets). */
  embeddedDatabaseDir: string;
  sessionSecrets: string[];
  seedDemo: boolean;
  /** Keys sealing the audit checkpoints, newest first (see docs/decisions/0004). */
  auditKeys: string[];
  trustProxy: string;
};

/** Parses process.env once; a bad value stops the server at boot with a clear message. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    production: env.NODE_ENV === "production",
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    embeddedDatabaseDir: path.join(dataDir, "pgdata"),
    sessionSecrets: env.SESSION_SECRET
      ? env.SESSION_SECRET.split(",").map((s) => s.trim()).filter(Boolean)
      : [generatedSecret(dataDir)],
    auditKeys: env.AUDIT_KEY
      ? env.AUDIT_KEY.split(",").map((s) => s.trim()).filter(Boolean)
      : [generatedSecret(dataDir, "audit-key")],
    // The embedded database always gets the demo accounts; PostgreSQL only on request.
    seedDemo: env.DATABASE_URL ? env.SEED_DEMO === "1" : env.SEED_DEMO !== "0",
    trustProxy: env.TRUST_PROXY,
  };
}

/**
 * For the embedded default: a secret made once and kept beside the database. Two processes
 * starting at once on an empty DATA_DIR must end up with the same secret, so the file is
 * written whole under a name of this process's own and then linked into place, which fails
 * if another process got there first: the winner's file is read instead. (Writing the file
 * itself with flag "wx" would let the loser read it before the winner's bytes are in.)
 */
function generatedSecret(dataDir: string, name = "session-secret"): string {
  const file = path.join(dataDir, name);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  const mine = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(mine, secret, { mode: 0o600, flag: "wx" });
  try {
    linkSync(mine, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecret(file);
    if (!winner) throw new Error(`${file} is empty: remove it and start again`);
    return winner;
  } finally {
    unlinkSync(mine);
  }
}

function readSecret(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

const key = "__varnaEnv" as const;
const store = globalThis as unknown as { [key]?: Env };

export function env(): Env {
  return (store[key] ??= parseEnv());
}
