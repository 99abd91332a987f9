/**
 * React 18 pads its stream with NUL bytes where å/ä/ö meet a buffer boundary (react#24985).
 * A long page full of them must stream byte for byte as renderToString renders it.
 */
import { PassThrough } from "node:stream";

import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { htmlStream } from "./entry.server";

function LongSwedishPage({ rows }: { rows: number }) {
  const texts = Array.from({ length: rows }, (_, i) => `${"åäö ÅÄÖ ".repeat((i * 7) % 40)}Ö${"x".repeat(i % 3)}`);
  return (
    <main>
      <h1>Förhandsbedömning – anmälningar från Gullmarsskolan</h1>
      {texts.map((text, i) => (
        <p key={i} title={text}>
          {text}
          {i}
        </p>
      ))}
    </main>
  );
}

function stream(element: JSX.Element, through: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const chunks: Buffer[] = [];
        const out = through
          ? htmlStream(pipe)
          : // React's own stream, to show the test sees the bug it guards against.
            (() => {
              const raw = new PassThrough();
              pipe(raw);
              return raw;
            })();
        out.on("data", (c: Buffer) => chunks.push(c));
        out.on("end", () => resolve(Buffer.concat(chunks)));
        out.on("error", reject);
      },
      onError: reject,
    });
  });
}

describe("streaming a long page full of å, ä and ö", () => {
  it("React's own stream has NUL bytes (the bug is real here)", async () => {
    const raw = await stream(<LongSwedishPage rows={1000} />, false);
    expect(raw.includes(0)).toBe(true);
  });

  it("the page as served has no NUL byte and is exactly the rendered HTML", async () => {
    for (const rows of [50, 400, 1000, 3000]) {
      const served = await stream(<LongSwedishPage rows={rows} />, true);
      expect(served.includes(0), `rows=${rows}`).toBe(false);
      const text = served.toString("utf8");
      expect(text).not.toContain("\ufffd");
      expect(text).toBe(renderToString(<LongSwedishPage rows={rows} />));
    }
  });
});
