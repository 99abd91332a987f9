/**
 * The range export form: every case received in a period, as JSON Lines or CSV. Without
 * JavaScript it is a plain GET form and the browser downloads the file. With JavaScript the
 * page fetches the stream itself, shows rows and bytes as they arrive, and then saves it.
 */
import { useRef, useState, type FormEvent } from "react";

import { useLocale, useT } from "../i18n";

export const RANGE_EXPORTS = {
  jsonl: { path: "/granskning/export.jsonl", type: "application/x-ndjson" },
  csv: { path: "/granskning/export.csv", type: "text/csv" },
} as const;

type Progress =
  | { state: "idle" }
  | { state: "running"; rows: number; bytes: number }
  | { state: "done"; rows: number; bytes: number; fileName: string }
  | { state: "failed"; status: number | null };

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

export function RangeExportForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const t = useT();
  const locale = useLocale();
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);
  const number = (n: number) => new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB").format(n);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const format = submitter?.value === "csv" ? "csv" : "jsonl";
    const form = new FormData(event.currentTarget);
    const from = String(form.get("from") ?? "");
    const to = String(form.get("to") ?? "");
    if (!from || !to || typeof ReadableStream === "undefined") return; // let the browser do it
    event.preventDefault();
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const url = `${RANGE_EXPORTS[format].path}?${new URLSearchParams({ from, to })}`;
    setProgress({ state: "running", rows: 0, bytes: 0 });
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) {
        setProgress({ state: "failed", status: response.status });
        return;
      }
      const reader = response.body.getReader();
      const chunks: BlobPart[] = [];
      let bytes = 0;
      let rows = 0;
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
        const now = performance.now();
        if (now - lastPaint > 100) {
          lastPaint = now;
          setProgress({ state: "running", rows, bytes });
        }
      }
      // A CSV's first line is its header.
      if (format === "csv" && rows > 0) rows--;
      const fileName = fileNameOf(response, `varna-${from}-${to}.${format}`);
      const blob = new Blob(chunks, { type: RANGE_EXPORTS[format].type });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setProgress({ state: "done", rows, bytes, fileName });
    } catch (error) {
      if ((error as { name?: string }).name !== "AbortError") setProgress({ state: "failed", status: null });
    }
  }

  return (
    <form method="get" action={RANGE_EXPORTS.jsonl.path} className="period-form" onSubmit={onSubmit} aria-label={t("export.form")}>
      <div className="field">
        <label htmlFor="export-from">{t("audit.period.from")}</label>
        <input id="export-from" type="date" name="from" defaultValue={defaultFrom} required />
      </div>
      <div className="field">
        <label htmlFor="export-to">{t("audit.period.to")}</label>
        <input id="export-to" type="date" name="to" defaultValue={defaultTo} required />
      </div>
      <button type="submit" name="format" value="jsonl" formAction={RANGE_EXPORTS.jsonl.path}>
        {t("export.jsonl")}
      </button>
      <button type="submit" name="format" value="csv" formAction={RANGE_EXPORTS.csv.path}>
        {t("export.csv")}
      </button>
      <div role="status" aria-live="polite" className="export-progress">
        {progress.state === "running" ? (
          <p>
            {t("export.running", { rows: number(progress.rows), kb: number(Math.round(progress.bytes / 1024)) })}{" "}
            <button type="button" className="link-button" onClick={() => abort.current?.abort()}>
              {t("export.cancel")}
            </button>
          </p>
        ) : progress.state === "done" ? (
          <p>{t("export.done", { rows: number(progress.rows), kb: number(Math.round(progress.bytes / 1024)), file: progress.fileName })}</p>
        ) : progress.state === "failed" ? (
          <p className="field-error">{t(progress.status === 400 ? "export.badPeriod" : "export.failed")}</p>
        ) : null}
      </div>
    </form>
  );
}
