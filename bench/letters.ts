// quality.md, "letters": 1,000 invitation letters (PDF/A, embedded font)
// ≥ 0.7 × a bare pdfkit document with the same text and font, and ≥ 100/s.

import PDFDocument from "pdfkit";
import { composeLetter, type Block } from "../app/letters/compose";
import { invitation } from "../app/letters/fixtures";
import { BOLD, NO_DEFAULT_FONT, REGULAR, registerLetterFonts } from "../app/letters/fonts.server";
import { renderLetter, LYSEKIL, type InvitationLetter } from "../app/letters/render.server";
import { measurePair, type BenchContext, type Row } from "./lib";

const LETTERS = 1000;
const MIN_RATIO = 0.7;
const MIN_PER_SECOND = 100;

// Each letter differs a little, as a real batch would.
function letterNumber(i: number): InvitationLetter {
  return {
    ...invitation,
    referenceNumber: `VRN-2026-${String(i % 100_000).padStart(5, "0")}`,
    createdAt: new Date(Date.UTC(2026, 10, 24, 8) + i * 1000).toISOString(),
    recipient: { name: `Vårdnadshavare ${i}`, address: `Strandvägen ${(i % 90) + 1}\n453 30 Lysekil` },
  };
}

/**
 * The baseline: the same letter's text in the same embedded fonts, drawn by a
 * plain pdfkit document (no tags, no PDF/A metadata, no output intent).
 */
/** Exported for profiling next to renderLetter. */
export async function renderBare(letter: InvitationLetter): Promise<Buffer> {
  const fonts = { regular: REGULAR, bold: BOLD };
  const content = composeLetter(letter, LYSEKIL);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 78, bottom: 84, left: 64, right: 64 },
    compress: false, // as the letters are (see render.server.ts)
    ...NO_DEFAULT_FONT,
  });
  registerLetterFonts(doc);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = 467;
  doc.font(fonts.bold).fontSize(13).text(LYSEKIL.name, 64, 44);
  doc.font(fonts.regular).fontSize(9).text([LYSEKIL.unit, ...LYSEKIL.address, `Växel ${LYSEKIL.phone}`].join("\n"));
  doc.text(`Datum\n${content.date}\nÄrendenummer\n${content.referenceNumber}`, 354, 46);
  doc.fontSize(10.5).text((content.addressee ?? []).join("\n"), 64, 130);
  doc.y = 230;
  const draw = (block: Block) => {
    doc.x = 64;
    switch (block.type) {
      case "heading":
        doc.font(fonts.bold).fontSize(block.level === 1 ? 16 : 12).text(block.text, { width });
        break;
      case "paragraph":
        doc.fontSize(10.5);
        block.runs.forEach((run, i) =>
          doc.font(run.bold ? fonts.bold : fonts.regular).text(run.text, { width, continued: i < block.runs.length - 1 }),
        );
        break;
      case "list":
        doc.font(fonts.regular).fontSize(10.5);
        for (const item of block.items) doc.text(`•  ${item}`, { width });
        break;
      case "notice":
        doc.font(fonts.bold).fontSize(12).text(block.heading, { width });
        doc.font(fonts.regular).fontSize(10.5).text(block.paragraphs.join("\n"), { width });
        break;
      case "table":
        for (const row of block.rows) doc.font(fonts.regular).fontSize(8).text(row.cells.join("  "), { width });
        break;
    }
    doc.moveDown(0.5);
  };
  content.blocks.forEach(draw);
  doc.font(fonts.regular).fontSize(8).text(`${LYSEKIL.name} · ${LYSEKIL.address.join(" · ")} · Växel ${LYSEKIL.phone}    Sida 1 (1)`, 64, 786, { lineBreak: false });
  doc.end();
  return done;
}

export async function benchLetters(ctx: BenchContext): Promise<Row[]> {
  const letters = ctx.quick ? 20 : LETTERS;
  let i = 0;
  let bytes = 0;
  const { subject, baseline } = await measurePair(
    {
      name: "renderLetter",
      fn: async () => {
        const pdf = await renderLetter(letterNumber(i++));
        if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("not a PDF");
        bytes += pdf.length;
      },
    },
    { name: "bare pdfkit", fn: () => renderBare(letterNumber(i++)) },
    { iterations: letters, rounds: ctx.quick ? 2 : 10, warmup: ctx.quick ? 2 : 50 },
  );
  const ratio = subject.perSecond / baseline.perSecond;
  return [
    {
      figure: `letters: ${subject.iterations} invitations, PDF/A-2a (vs bare pdfkit; ~${Math.round(bytes / subject.iterations / 1024)} kB each, p95 ${subject.p95Ms.toFixed(1)} ms)`,
      value: subject.perSecond,
      unit: "letters/s",
      baseline: baseline.perSecond,
      ratio,
      bar: `≥ ${MIN_RATIO} × baseline and ≥ ${MIN_PER_SECOND}/s`,
      pass: ratio >= MIN_RATIO && subject.perSecond >= MIN_PER_SECOND,
    },
  ];
}
