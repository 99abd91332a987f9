import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { sharingSessionLookups } from "../auth/session.server";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";

/**
 * Serves the Remix build like @remix-run/express does, but from a body the server has
 * already read, limited and checked (body.server.ts) — never from the raw socket.
 */
export function remixHandler(options: {
  build: ServerBuild;
  production: boolean;
  host: (req: ExpressRequest) => string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRequestHandler(options.build, options.production ? "production" : "development");
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      let url: URL;
      try {
        url = new URL(`${req.protocol}://${options.host(req)}${req.originalUrl}`);
      } catch {
        res.status(400);
        return next(Object.assign(new Error("bad url"), { status: 400, expose: true }));
      }
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      // Remix compares Origin with X-Forwarded-Host when present; only a trusted proxy may set it.
      headers.delete("x-forwarded-host");
      headers.set("host", options.host(req));
      const init: RequestInit = { method: req.method, headers, signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        init.body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array(0);
      }
      const request = new Request(url.href, init);
      const response = await sharingSessionLookups(req.method, () => handle(request, options.getLoadContext(req, res)));
      // The server's default (no-store) gives way to what the route says.
      if (response.headers.has("Cache-Control")) res.removeHeader("Cache-Control");
      if (options.production && req.secure) secureCookies(response.headers);
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) {
        if (name === "set-cookie") continue;
        res.append(name, value);
      }
      for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/** Behind TLS in production every cookie is Secure (sessions and the language choice alike). */
function secureCookies(headers: Headers) {
  const cookies = headers.getSetCookie();
  if (cookies.length === 0) return;
  headers.delete("Set-Cookie");
  for (const cookie of cookies) headers.append("Set-Cookie", /;\s*secure\b/i.test(cookie) ? cookie : `${cookie}; Secure`);
}
