import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";

/**
 * Request bodies: read by the server (never by Remix from the socket), at most BODY_LIMIT,
 * and only as the forms of this app send them. Anything else is answered before any route
 * runs: 413 too large, 415 another content type (or compressed), 400 unreadable.
 */
export const BODY_LIMIT = 256 * 1024;
export const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415) {
    super(`body refused (${status})`);
  }
}

const mediaType = (req: ExpressRequest) => (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();

const hasBody = (req: ExpressRequest) =>
  req.headers["transfer-encoding"] !== undefined ||
  (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0");

const readRaw = express.raw({ type: () => true, limit: BODY_LIMIT, inflate: false });

export function readBody(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const type = mediaType(req);
  if (type && !FORM_TYPES.includes(type)) return refuse(req, next, 415);
  if (!hasBody(req)) {
    // An empty form, whatever it claimed to be: an action reads no fields, not an error.
    req.body = Buffer.alloc(0);
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    return next();
  }
  if (!type) return refuse(req, next, 415);
  if (type === "multipart/form-data" && !/;\s*boundary=/i.test(req.headers["content-type"] ?? "")) {
    return refuse(req, next, 400);
  }
  const length = Number(req.headers["content-length"]);
  if (Number.isFinite(length) && length > BODY_LIMIT) return refuse(req, next, 413);
  readRaw(req, res, (error?: unknown) => {
    if (error) {
      const status = (error as { status?: number }).status;
      return next(new BodyError(status === 413 ? 413 : status === 415 ? 415 : 400));
    }
    if (!Buffer.isBuffer(req.body)) req.body = Buffer.alloc(0);
    // Parse once here, so a broken body is a 400 now rather than a 500 inside an action.
    new Request("http://body.check/", {
      method: "POST",
      headers: { "Content-Type": req.headers["content-type"]! },
      body: new Uint8Array(req.body as Buffer),
    })
      .formData()
      .then(() => next())
      .catch(() => next(new BodyError(400)));
  });
}

/** Refuses without keeping the body (the error handler drains it before answering). */
function refuse(_req: ExpressRequest, next: NextFunction, status: 400 | 413 | 415) {
  next(new BodyError(status));
}
