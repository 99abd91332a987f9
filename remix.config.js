/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // The classic compiler (not Vite). Server-only modules are `*.server.ts`.
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Packages that ship ESM only must be bundled into the server build.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};
