// Lays a letter out as an archivable PDF: PDF/A-2a (tagged, embedded fonts,
// sRGB output intent, XMP identification) and byte-for-byte reproducible from
// the letter's data, because letters are archived exactly as sent.

import PDFDocument from "pdfkit";
import { composeLetter, type Block, type LetterContent, type Run, type TableRow } from "./compose";
import { BOLD, NO_DEFAULT_FONT, REGULAR, registerLetterFonts } from "./fonts.server";
import { parseInstant } from "./format";
import { LYSEKIL, type Letter, type Municipality } from "./types";

export { letterFileName, letterTitle } from "./compose";
export { LYSEKIL } from "./types";
export type * from "./types";

export type RenderOptions = {
  /** sender details; defaults to Lysekils kommun */
  municipality?: Municipality;
};

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE_HEIGHT = 841.89; // A4 in points
const MARGIN = { top: 78, bottom: 84, left: 64, right: 64 };
const TEXT_WIDTH = 595.28 - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const LINE_GAP = 2.5;
const INK = "#1a1a1a";
const MUTED = "#555555";
const ACCENT = "#1f4e79";

/** Renders one letter. The same letter (and municipality) always gives the same bytes. */
export async function renderLetter(letter: Letter, options: RenderOptions = {}): Promise<Buffer> {
  const municipality = options.municipality ?? LYSEKIL;
  const content = composeLetter(letter, municipality);
  // The letter's own timestamp, never the clock: pdfkit derives the file /ID
  // from the info dictionary, so fixing the dates makes the whole file stable.
  const createdAt = parseInstant(letter.createdAt);

  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true, // footers need the page count
    pdfVersion: "1.7",
    subset: "PDF/A-2a",
    tagged: true,
    lang: "sv-SE",
    displayTitle: true,
    ...NO_DEFAULT_FONT,
    // Letters are written uncompressed: deflate output depends on the zlib
    // build and even the CPU it runs on, and a letter must come out the same
    // wherever and whenever it is rendered again. The case history (an export,
    // possibly thousands of pages) is compressed.
    compress: letter.kind === "caseHistory",
    info: {
      Title: xmpSafe(content.title),
      Author: xmpSafe(`${municipality.name}, ${municipality.unit}`),
      Creator: "Värna",
      Producer: "Värna (PDFKit)",
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  // pdfkit writes xmp:CreateDate but not xmp:ModifyDate; PDF/A wants the XMP
  // to mirror every date in the info dictionary.
  doc.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
      `<xmp:ModifyDate>${createdAt.toISOString().split(".")[0]}Z</xmp:ModifyDate></rdf:Description>`,
  );
  registerLetterFonts(doc).font(REGULAR);
  const output = collect(doc);
  const root = doc.struct("Document");
  doc.addStructure(root);
  new LetterLayout(doc, root, content, municipality).draw();
  root.end();
  doc.end();
  return output;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

// pdfkit copies Title and Author into the XMP packet without escaping.
const xmpSafe = (text: string): string => text.replace(/[<>&]/g, "");

class LetterLayout {
  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
    private readonly content: LetterContent,
    private readonly municipality: Municipality,
  ) {}

  private readonly regular = REGULAR;
  private readonly bold = BOLD;

  draw(): void {
    const { doc } = this;
    doc.fillColor(INK);
    this.firstPageHeader();
    for (const block of this.content.blocks) this.block(block);
    this.pageFurniture();
  }

  /** Adds one structure element whose content is what `draw` puts on the page. */
  private tag(parent: Struct, type: string, draw: () => void): void {
    const element = this.doc.struct(type);
    parent.add(element);
    element.add(draw);
    element.end();
  }

  /** Content that is decoration or repeated page furniture, not part of the text. */
  private artifact(type: "Pagination" | "Layout", draw: () => void): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  private get maxY(): number {
    return PAGE_HEIGHT - MARGIN.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensureRoom(height: number): void {
    if (this.doc.y + height > this.maxY) {
      this.doc.addPage();
      this.doc.x = MARGIN.left;
      this.doc.y = MARGIN.top;
    }
  }

  private lineHeight(size = BODY_SIZE): number {
    return this.doc.font(this.regular).fontSize(size).currentLineHeight(true) + LINE_GAP;
  }

  private firstPageHeader(): void {
    const { doc, root, content, municipality } = this;
    const top = 44;
    const right = MARGIN.left + TEXT_WIDTH * 0.62;

    // Single lines at fixed places: no line wrapping needed, which is also faster.
    this.tag(root, "P", () => {
      let y = this.line(municipality.name, MARGIN.left, top, this.bold, 13, INK, 2);
      for (const text of [municipality.unit, ...municipality.address, `Växel ${municipality.phone}`]) {
        y = this.line(text, MARGIN.left, y, this.regular, 9, MUTED);
      }
    });
    this.tag(root, "P", () => {
      let y = this.line("Datum", right, top + 2, this.regular, 8, MUTED);
      y = this.line(content.date, right, y, this.regular, 10, INK) + 4;
      y = this.line(content.referenceLabel, right, y, this.regular, 8, MUTED);
      this.line(content.referenceNumber, right, y, this.regular, 10, INK);
    });

    let y = 130;
    if (content.addressee) {
      const lines = content.addressee.join("\n");
      this.tag(root, "P", () => {
        doc.font(this.regular).fontSize(BODY_SIZE).fillColor(INK);
        doc.text(lines, MARGIN.left, y, { width: TEXT_WIDTH * 0.55, lineGap: 1 });
      });
      y = Math.max(doc.y, 200) + 30;
    }
    doc.x = MARGIN.left;
    doc.y = y;
  }

  /** One line of text that never wraps, at a fixed place; gives the next line's y. */
  private line(text: string, x: number, y: number, font: string, size: number, color: string, gap = 1): number {
    this.doc.font(font).fontSize(size).fillColor(color).text(text, x, y, { lineBreak: false });
    return y + this.doc.currentLineHeight(true) + gap;
  }

  private block(block: Block): void {
    switch (block.type) {
      case "heading":
        return this.heading(this.root, block.level, block.text);
      case "paragraph":
        return this.paragraph(this.root, block.runs);
      case "list":
        return this.list(block.items);
      case "notice":
        return this.notice(block.heading, block.paragraphs);
      case "table":
        return this.table(block);
    }
  }

  private heading(parent: Struct, level: 1 | 2, text: string, x = MARGIN.left, width = TEXT_WIDTH): void {
    const { doc } = this;
    const size = level === 1 ? 16 : 12;
    if (level === 2) doc.y += 4;
    // Keep a heading together with at least two lines of what follows (only
    // worth measuring near the bottom of a page).
    if (this.maxY - doc.y < 120) {
      this.ensureRoom(doc.font(this.bold).fontSize(size).heightOfString(text, { width }) + 2 * this.lineHeight());
    }
    this.tag(parent, `H${level}`, () => {
      doc.font(this.bold).fontSize(size).fillColor(level === 1 ? INK : ACCENT);
      doc.text(text, x, doc.y, { width });
    });
    doc.fillColor(INK);
    doc.y += level === 1 ? 8 : 3;
  }

  private paragraph(parent: Struct, runs: Run[], x = MARGIN.left, width = TEXT_WIDTH): void {
    const { doc } = this;
    // No lone first line at the bottom of a page.
    const twoLines = 2 * this.lineHeight();
    if (this.maxY - doc.y < twoLines) this.ensureRoom(Math.min(twoLines, this.measureRuns(runs, width)));
    this.tag(parent, "P", () => {
      doc.x = x;
      doc.fillColor(INK).fontSize(BODY_SIZE);
      runs.forEach((run, i) => {
        doc.font(run.bold ? this.bold : this.regular);
        doc.text(run.text, { width, lineGap: LINE_GAP, continued: i < runs.length - 1 });
      });
    });
    doc.x = MARGIN.left;
    doc.y += 6;
  }

  private measureRuns(runs: Run[], width: number): number {
    // Close enough for page-break decisions: measure as if all in one font.
    const text = runs.map((run) => run.text).join("");
    return this.doc.font(this.regular).fontSize(BODY_SIZE).heightOfString(text, { width, lineGap: LINE_GAP });
  }

  private list(items: string[]): void {
    const { doc } = this;
    const list = doc.struct("L");
    this.root.add(list);
    const indent = 16;
    for (const item of items) {
      doc.font(this.regular).fontSize(BODY_SIZE);
      this.ensureRoom(this.lineHeight());
      const y = doc.y;
      const li = doc.struct("LI");
      list.add(li);
      this.tag(li, "Lbl", () => {
        doc.font(this.regular).fontSize(BODY_SIZE).fillColor(INK).text("•", MARGIN.left + 4, y, { lineBreak: false });
      });
      this.tag(li, "LBody", () => {
        doc.font(this.regular).fontSize(BODY_SIZE).fillColor(INK);
        doc.text(item, MARGIN.left + indent, y, { width: TEXT_WIDTH - indent, lineGap: LINE_GAP });
      });
      li.end();
      doc.y += 2;
    }
    list.end();
    doc.x = MARGIN.left;
    doc.y += 6;
  }

  private notice(heading: string, paragraphs: string[]): void {
    const { doc } = this;
    const pad = 12;
    const innerX = MARGIN.left + pad + 4;
    const innerWidth = TEXT_WIDTH - 2 * pad - 4;
    doc.y += 6;
    const headingHeight = doc.font(this.bold).fontSize(12).heightOfString(heading, { width: innerWidth });
    const bodyHeight = paragraphs.reduce(
      (sum, text) =>
        sum + doc.font(this.regular).fontSize(BODY_SIZE).heightOfString(text, { width: innerWidth, lineGap: LINE_GAP }) + 6,
      0,
    );
    const height = pad + headingHeight + 3 + bodyHeight + pad - 6;
    this.ensureRoom(height);
    const top = doc.y;
    this.artifact("Layout", () => {
      doc.save();
      doc.rect(MARGIN.left, top, TEXT_WIDTH, height).fill("#eef3f8");
      doc.rect(MARGIN.left, top, 4, height).fill(ACCENT);
      doc.restore();
    });
    const section = doc.struct("Sect");
    this.root.add(section);
    doc.y = top + pad;
    this.tag(section, "H2", () => {
      doc.font(this.bold).fontSize(12).fillColor(INK).text(heading, innerX, doc.y, { width: innerWidth });
    });
    doc.y += 3;
    for (const text of paragraphs) {
      this.tag(section, "P", () => {
        doc.font(this.regular).fontSize(BODY_SIZE).fillColor(INK);
        doc.text(text, innerX, doc.y, { width: innerWidth, lineGap: LINE_GAP });
      });
      doc.y += 6;
    }
    section.end();
    doc.x = MARGIN.left;
    doc.y = top + height + 12;
  }

  private table(block: Extract<Block, { type: "table" }>): void {
    const { doc } = this;
    const pad = 3;
    const cellSize = 8;
    const noteSize = 6.5;
    const widths = block.columns.map((column) => column.width * TEXT_WIDTH);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const last = block.columns.length - 1;

    const headerHeight = doc.font(this.bold).fontSize(cellSize).currentLineHeight(true) + 2 * pad;
    const drawHeader = (cell: (i: number, draw: () => void) => void): void => {
      const y = doc.y;
      block.columns.forEach((column, i) => {
        cell(i, () => {
          doc.font(this.bold).fontSize(cellSize).fillColor(INK);
          doc.text(column.label, xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, lineBreak: false });
        });
      });
      this.artifact("Layout", () => {
        doc.save().lineWidth(0.8).strokeColor(INK);
        doc.moveTo(MARGIN.left, y + headerHeight).lineTo(MARGIN.left + TEXT_WIDTH, y + headerHeight).stroke();
        doc.restore();
      });
      doc.y = y + headerHeight;
    };

    // The note (an event's checksum) runs under the row from the second column
    // on, where it fits on one line.
    const noteX = xs[1]! + pad;
    const noteWidth = MARGIN.left + TEXT_WIDTH - noteX - pad;
    const cellsHeight = (row: TableRow): number =>
      Math.max(
        ...row.cells.map((text, i) =>
          doc.font(this.regular).fontSize(cellSize).heightOfString(text, { width: widths[i]! - 2 * pad }),
        ),
      );
    const noteHeight = (row: TableRow): number =>
      row.note ? doc.font(this.regular).fontSize(noteSize).heightOfString(row.note, { width: noteWidth }) + 1 : 0;

    const table = doc.struct("Table");
    this.root.add(table);
    this.ensureRoom(headerHeight + 3 * this.lineHeight(cellSize));
    const headerRow = doc.struct("TR");
    table.add(headerRow);
    drawHeader((i, draw) => this.tag(headerRow, "TH", draw));
    headerRow.end();

    for (const row of block.rows) {
      const textHeight = cellsHeight(row);
      const height = textHeight + noteHeight(row) + 2 * pad;
      if (doc.y + height > this.maxY) {
        doc.addPage();
        doc.y = MARGIN.top;
        // The header again, as page furniture: it is in the structure once.
        drawHeader((_, draw) => this.artifact("Pagination", draw));
      }
      const y = doc.y;
      const tr = doc.struct("TR");
      table.add(tr);
      row.cells.forEach((text, i) => {
        this.tag(tr, "TD", () => {
          const width = widths[i]! - 2 * pad;
          doc.font(this.regular).fontSize(cellSize).fillColor(INK).text(text, xs[i]! + pad, y + pad, { width });
          if (i === last && row.note) {
            doc.fontSize(noteSize).fillColor(MUTED);
            doc.text(row.note, noteX, y + pad + textHeight + 1, { width: noteWidth });
          }
        });
      });
      tr.end();
      this.artifact("Layout", () => {
        doc.save().lineWidth(0.3).strokeColor("#bbbbbb");
        doc.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + TEXT_WIDTH, y + height).stroke();
        doc.restore();
      });
      doc.y = y + height;
    }
    table.end();
    doc.x = MARGIN.left;
    doc.y += 8;
  }

  /** Running header (from page 2) and footer with page numbers, on every page. */
  private pageFurniture(): void {
    const { doc, content, municipality } = this;
    const { start, count } = doc.bufferedPageRange();
    const sender = `${municipality.name} · ${municipality.unit}`;
    const footer = [municipality.name, ...municipality.address, `Växel ${municipality.phone}`].join(" · ");
    const right = MARGIN.left + TEXT_WIDTH;
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      this.artifact("Pagination", () => {
        doc.font(this.regular).fontSize(8).fillColor(MUTED);
        if (i > start) {
          doc.text(sender, MARGIN.left, 40, { lineBreak: false });
          const ref = `${content.referenceLabel} ${content.referenceNumber}`;
          doc.text(ref, right - doc.widthOfString(ref), 40, { lineBreak: false });
        }
        const y = PAGE_HEIGHT - 56;
        doc.save().lineWidth(0.5).strokeColor("#999999");
        doc.moveTo(MARGIN.left, y - 6).lineTo(right, y - 6).stroke();
        doc.restore();
        doc.text(footer, MARGIN.left, y, { lineBreak: false });
        const pageNumber = `Sida ${i - start + 1} (${count})`;
        doc.text(pageNumber, right - doc.widthOfString(pageNumber), y, { lineBreak: false });
      });
    }
  }
}
