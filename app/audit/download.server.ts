import type { CaseExportFile } from "./export.server";
import type { CasesExport } from "./export-range.server";

const common = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
};

const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`;

/** One exported file, whole. */
export function fileResponse(file: CaseExportFile): Response {
  const body = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : file.body;
  return new Response(new Uint8Array(body), {
    headers: {
      ...common,
      "Content-Type": file.contentType,
      "Content-Disposition": attachment(file.fileName),
      "Content-Length": String(body.length),
    },
  });
}

/**
 * A streamed export: the headers go out at once and each chunk is produced only when the
 * client has taken the one before (pull), so a slow download never piles up in memory.
 * X-Total-Cases lets a page show progress.
 */
export function streamResponse(exported: CasesExport): Response {
  const iterator = exported.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          // The download ends incomplete (no closing data), which the client sees as a failure.
          console.error(`export stream failed: ${(error as Error).name}`);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      ...common,
      "Content-Type": exported.contentType,
      "Content-Disposition": attachment(exported.fileName),
      "X-Total-Cases": String(exported.total),
    },
  });
}
