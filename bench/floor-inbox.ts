// The inbox page's floor in this stack: the app's production build behind the app's own HTTP
// layer (createHttpApp: Express, security headers, Origin check, access log), with the root's
// and the inbox's loaders answering data captured from the running app (the same 50 rows,
// the same user) instead of asking the database. What a page costs before any query runs:
// routing, the loaders' JSON, React rendering the page, the HTML and its hydration data.
// Run as a child process: PORT, FLOOR_DATA = JSON { root, inbox } (the two loaders' data).
import path from "node:path";
import { pathToFileURL } from "node:url";

import { json, type ServerBuild } from "@remix-run/node";

import { createHttpApp } from "../app/server/http.server";
import { ROOT } from "./server";

const data = JSON.parse(process.env.FLOOR_DATA ?? "{}") as { root: unknown; inbox: unknown };
const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as ServerBuild;

// The loaders return a fresh Response each time, as the real ones do (json(...), no-store).
const answering = (id: string, value: unknown): ServerBuild["routes"][string] => {
  const route = build.routes[id];
  if (!route) throw new Error(`the build has no route ${id}`);
  return { ...route, module: { ...route.module, loader: () => json(value, { headers: { "Cache-Control": "private, no-store" } }) } };
};
const floor: ServerBuild = {
  ...build,
  routes: { ...build.routes, root: answering("root", data.root), "routes/arenden._index": answering("routes/arenden._index", data.inbox) },
};

createHttpApp({ build: floor, production: true, trustProxy: "loopback", stopping: () => false }).listen(Number(process.env.PORT));
