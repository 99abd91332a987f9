import type { ServerBuild } from "@remix-run/node";

/**
 * The access log names the route ("/anmalan/kvittens/:reportId"), never the concrete URL:
 * a receipt URL is a bearer link, and ids say whose case was read.
 */
export function routePatterns(build: Pick<ServerBuild, "routes">): (pathname: string) => string {
  const routes = Object.values(build.routes);
  const byId = new Map(routes.map((r) => [r.id, r]));
  const fullPath = (id: string | undefined): string => {
    const route = id ? byId.get(id) : undefined;
    if (!route) return "";
    const parent = fullPath(route.parentId);
    return route.path ? `${parent}/${route.path}`.replace(/\/+/g, "/") : parent;
  };
  const patterns = [...new Set(routes.map((r) => fullPath(r.id) || "/"))]
    .map((pattern) => {
      const segments = pattern.split("/").filter(Boolean);
      const source = segments
        .map((s) => (s === "*" ? "(?:/.*)?" : s.startsWith(":") ? "/[^/]+" : `/${escape(s)}`))
        .join("");
      const score = segments.reduce((n, s) => n + (s === "*" ? 0 : s.startsWith(":") ? 2 : 3), 0);
      return { pattern, score, regex: new RegExp(`^${source || "/"}/?$`, "i") };
    })
    .sort((a, b) => b.score - a.score);
  return (pathname) => {
    if (pathname.startsWith("/build/")) return "/build/*";
    return patterns.find((p) => p.regex.test(pathname))?.pattern ?? "(no route)";
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
