import { buildIfStale } from "../app/server/build-if-stale";

/** Once per test run: the Remix build the server tests start, rebuilt only when stale. */
export default function setup() {
  buildIfStale();
}
