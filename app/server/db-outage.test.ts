/**
 * Which errors mean "the database is out of reach" (the server answers 503 and rides it out)
 * and which are bugs (the process stops, logged): the driver's socket errors, also wrapped the
 * way drizzle wraps a failed query, count as an outage; anything else does not.
 */
import { describe, expect, it } from "vitest";

import { isConnectionError } from "./db-outage.server";

/** An error as postgres.js throws it from its socket handling, a stack frame in its connection.js. */
function fromDriver(ErrorType: typeof Error = TypeError): Error {
  const error = new ErrorType("Cannot read properties of undefined (reading 'replace')");
  error.stack = `${ErrorType.name}: ${error.message}\n    at queryError (file:///srv/varna/node_modules/postgres/src/connection.js:389:48)\n    at errored (file:///srv/varna/node_modules/postgres/src/connection.js:384:17)`;
  return error;
}
/** How drizzle reports a failed query: its own error, the driver's as the cause. */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { name: "DrizzleQueryError", cause });

describe("a database outage, told from a bug", () => {
  it("is a connection error by its code, also as the cause of drizzle's error", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(wrapped(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" })))).toBe(true);
    expect(isConnectionError(wrapped(Object.assign(new Error("terminating connection"), { code: "57P01" })))).toBe(true);
  });

  it("is the driver's own TypeError from a dropped socket, also wrapped by drizzle", () => {
    expect(isConnectionError(fromDriver())).toBe(true);
    expect(isConnectionError(wrapped(fromDriver()))).toBe(true);
  });

  it("is not a bug of ours, nor a query PostgreSQL refused", () => {
    const ours = new TypeError("Cannot read properties of undefined (reading 'id')");
    ours.stack = `TypeError: ${ours.message}\n    at loadCasePage (file:///srv/varna/build/index.js:120:5)`;
    expect(isConnectionError(ours)).toBe(false);
    expect(isConnectionError(wrapped(ours))).toBe(false);
    expect(isConnectionError(fromDriver(RangeError))).toBe(false);
    expect(isConnectionError(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });
});
