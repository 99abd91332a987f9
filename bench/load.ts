// A small HTTP load generator: `concurrency` workers on kept-alive connections, each sending
// its next request as soon as the last one answered.
import http from "node:http";

export type Request = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type Response = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type LoadResult = {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Responses whose status was not the expected one. */
  errors: number;
  firstError: string | null;
  /** Every request's time, in ms, sorted. */
  latencies: number[];
};

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function send(agent: http.Agent, port: number, req: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port,
        method: req.method,
        path: req.path,
        agent,
        headers: {
          host: `127.0.0.1:${port}`,
          ...(req.body !== undefined ? { "content-length": Buffer.byteLength(req.body) } : {}),
          ...req.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/**
 * Sends `total` requests made by `next(i)`, `concurrency` at a time, and times each.
 * A response is an error unless `ok(response)` says otherwise.
 */
export async function load(
  port: number,
  { total, concurrency, next, ok }: { total: number; concurrency: number; next: (i: number) => Request; ok: (res: Response) => boolean },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const worker = async () => {
    while (issued < total) {
      const i = issued++;
      const t = performance.now();
      try {
        const res = await send(agent, port, next(i));
        if (!ok(res)) {
          errors++;
          firstError ??= `HTTP ${res.status}: ${res.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    errors,
    firstError,
    latencies,
  };
}
