import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseTrueType, TrueTypeSubset } from "./ttf-subset.server";

// The letters embed DejaVu Sans (it has å, ä, ö and the typographic dashes we
// use) instead of a standard-14 font: PDF/A forbids fonts that are not embedded.
//
// Speed: given a font file's bytes, pdfkit parses the font again for every
// document, and decoding its tables and shaping the text were most of the time
// a one-page letter took. So each font is parsed once per process (with the
// fontkit that pdfkit itself uses) and handed to every document already parsed,
// the shaping of each word is remembered across documents, and the embedded
// subset is cut by our own byte-copying subsetter (ttf-subset.server.ts).

/** Names to select the fonts by, once registered on a document. */
export const REGULAR = "DejaVuSans";
export const BOLD = "DejaVuSans-Bold";

// What this module relies on of fontkit's public API.
type Glyph = { id: number; codePoints: number[] };
type GlyphRun = { glyphs: Glyph[]; positions: object[] };
type FontkitFont = {
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
  characterSet: number[];
  glyphForCodePoint(codePoint: number): Glyph;
  createSubset(): unknown;
};

/** What pdfkit's `registerFont` accepts: a fontkit font, or the file's bytes. */
type FontSource = Uint8Array | FontkitFont;

// No ligatures: a ligature glyph (ﬀ, ﬁ) is also reachable from its own code
// point, and which one reached it first would decide the ToUnicode entry, so
// output would depend on what the process rendered before. Plain glyphs also
// read back as plain letters for search and screen readers. Kerning stays.
const FEATURES = { liga: false, clig: false };
const MAX_CACHED_RUNS = 50_000;

function prepare(font: FontkitFont, bytes: Uint8Array): FontkitFont {
  const parsed = parseTrueType(bytes);
  font.createSubset = () => new TrueTypeSubset(parsed);

  // Give every glyph the code point the font's cmap maps to it, up front and in
  // order, so the ToUnicode map never depends on the order text was shaped in.
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);

  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  // pdfkit asks the font to shape one word at a time and scales the positions
  // it gets back in place, so hand out copies of the remembered run.
  font.layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = runs.get(text);
    if (!run) {
      run = layout(text, FEATURES);
      if (runs.size >= MAX_CACHED_RUNS) runs.clear();
      runs.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.glyphs = run.glyphs.slice();
    copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object), p));
    return copy;
  };
  return font;
}

let cache: { regular: FontSource; bold: FontSource } | null = null;

function loadFonts(): { regular: FontSource; bold: FontSource } {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const bytes = { regular: readFileSync(join(dir, `${REGULAR}.ttf`)), bold: readFileSync(join(dir, `${BOLD}.ttf`)) };
  let create: ((data: Uint8Array) => FontkitFont) | null = null;
  try {
    // The fontkit pdfkit depends on, resolved from pdfkit's own location.
    const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create?: unknown };
    if (typeof fontkit.create === "function") create = fontkit.create as (data: Uint8Array) => FontkitFont;
  } catch {
    // Fall back to the bytes: slower, and with pdfkit's default ligatures.
  }
  cache = create ? { regular: prepare(create(bytes.regular), bytes.regular), bold: prepare(create(bytes.bold), bytes.bold) } : bytes;
  return cache;
}

/** Makes `doc.font(REGULAR)` and `doc.font(BOLD)` available on a new document. */
export function registerLetterFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const fonts = loadFonts();
  // The casts: @types/pdfkit does not list fontkit fonts, which pdfkit accepts.
  return doc
    .registerFont(REGULAR, fonts.regular as PDFKit.Mixins.PDFFontSource)
    .registerFont(BOLD, fonts.bold as PDFKit.Mixins.PDFFontSource);
}

/**
 * Document option that keeps pdfkit from loading its default font (Helvetica,
 * which PDF/A would not allow) before ours are registered. pdfkit skips the
 * default font when `font` is null; @types/pdfkit only knows strings.
 */
export const NO_DEFAULT_FONT = { font: null as unknown as string };
