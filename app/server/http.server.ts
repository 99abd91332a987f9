import { randomBytes, randomUUID } from "node:crypto";

import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";

import { BodyError, readBody } from "./body.server";
import { databaseDown, noteDatabaseError } from "./db-outage.server";
import { errorPage, errorPageHeaders } from "./error-page.server";
import { logger, safeError } from "./logger.server";
import { isSafeMethod, sameOrigin } from "./origin.server";
import { remixHandler } from "./remix-handler.server";
import { routePatterns } from "./route-pattern.server";

/** A request that has not been answered in this time gets a 503 page (it never hangs). */
export const RESPONSE_TIMEOUT_MS = 30_000;

export type HttpOptions = {
  build: ServerBuild;
  production: boolean;
  /** Express' "trust proxy": who may tell us the client's address and that TLS was used. */
  trustProxy: string;
  /** True while the server is shutting down: connections are closed after their response. */
  stopping: () => boolean;
};

/**
 * The HTTP layer in front of Remix, in order: request id and access log, security headers,
 * static files, no-store, the database-outage gate, the Origin check, the body reader,
 * Remix; and one error handler that answers with a Swedish page and never a stack trace.
 */
export function createHttpApp(options: HttpOptions) {
  const { build, production } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);
  const routeOf = routePatterns(build);

  // The effective host: the Host header, or X-Forwarded-Host from a trusted proxy.
  const trusted = app.get("trust proxy fn") as (address: string, i: number) => boolean;
  const hostOf = (req: Request): string => {
    const forwarded = req.headers["x-forwarded-host"];
    if (typeof forwarded === "string" && trusted(req.socket.remoteAddress ?? "", 0)) {
      return forwarded.split(",")[0]!.trim();
    }
    return req.headers.host ?? "";
  };

  app.use((req, res, next) => {
    const id = randomUUID();
    res.locals.requestId = id;
    req.headers["x-request-id"] = id; // ours, never the client's
    res.setHeader("X-Request-Id", id);
    const t0 = process.hrtime.bigint();
    res.on("finish", () => {
      const route = routeOf(req.path);
      const entry = {
        reqId: id,
        method: req.method.slice(0, 10),
        route,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10,
      };
      if (route === "/healthz" && res.statusCode === 200) logger.debug(entry, "request");
      else logger.info(entry, "request");
    });
    if (options.stopping()) res.setHeader("Connection", "close");
    const timer = setTimeout(() => {
      if (!res.headersSent) sendPage(res, 503);
      else res.destroy();
    }, RESPONSE_TIMEOUT_MS);
    res.on("close", () => clearTimeout(timer));
    next();
  });

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "connect-src": ["'self'"],
          // Not upgrade-insecure-requests: production on plain http://localhost must still load its assets.
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: false,
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  // HSTS only means something over TLS; behind TLS in production it is always sent.
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });
  app.use((req, res, next) => (production && req.secure ? hsts(req, res, next) : next()));

  // Fingerprinted client assets are immutable; the rest of public/ may change.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only a path naming a file (an extension in its last segment: favicon.svg, robots.txt) is
  // looked for in public/; a page's path is not looked up on disk first (a stat that fails and
  // the error it raises, for every page).
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.[^/]+$/.test(req.path) ? publicFiles(req, res, next) : next()));

  // Everything else may hold personal data or depend on a session: never cached.
  app.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  app.use((req, res, next) => {
    if (!databaseDown()) return next();
    if (req.path === "/healthz") {
      return res.status(503).type("application/json").send(JSON.stringify({ status: "unavailable" }));
    }
    res.setHeader("Retry-After", "5");
    afterBody(req, res, () => sendPage(res, 503));
  });

  app.use((req, _res, next) => {
    if (isSafeMethod(req.method) || sameOrigin({ origin: req.headers.origin, host: hostOf(req) })) return next();
    next(Object.assign(new Error("cross-site request"), { status: 403, expose: true }));
  });

  app.use(readBody);

  app.all(
    "*",
    remixHandler({
      build,
      production,
      host: hostOf,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? "unknown",
      }),
    }),
  );

  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = statusOf(error);
    if (status >= 500) {
      noteDatabaseError(error);
      logger.error({ reqId: res.locals.requestId, route: routeOf(req.path), err: safeError(error) }, "request failed");
    }
    if (res.headersSent) return res.destroy();
    afterBody(req, res, () => sendPage(res, databaseDown() && status >= 500 ? 503 : status));
  });

  return app;
}

function statusOf(error: unknown): number {
  if (error instanceof BodyError) return error.status;
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  const expose = (error as { expose?: unknown })?.expose;
  // body-parser / http-errors mark client errors with expose; anything else is ours: 500.
  if (typeof status === "number" && status >= 400 && status < 500 && expose !== false) return status;
  return 500;
}

/**
 * Answers a refused request once its body has been received (and thrown away), so that the
 * client, still sending, reads the answer instead of a reset connection; after two seconds
 * it answers anyway and closes the connection.
 */
function afterBody(req: Request, res: Response, respond: () => void) {
  if (req.complete) return respond();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (!req.complete) res.setHeader("Connection", "close");
    if (!res.headersSent) respond();
  };
  const timer = setTimeout(once, 2_000);
  req.once("end", once);
  req.resume();
}

function sendPage(res: Response, status: number) {
  res.status(status).set(errorPageHeaders).send(errorPage(status));
}
