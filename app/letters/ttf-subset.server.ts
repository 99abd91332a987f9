// A TrueType subsetter for embedding: the glyphs a document uses, copied byte
// for byte from the font file, with the tables a PDF reader needs (head, hhea,
// maxp, loca, glyf, hmtx and the hinting tables) and nothing else, as fontkit's
// own TTFSubset does. fontkit decodes every glyph's outline and re-encodes
// every table through its generic codec, which was most of the time a letter
// took; here a glyph is a slice of the original `glyf` table and the font's
// tables are located once per process.

type Table = { offset: number; length: number };

export type TrueTypeFont = {
  data: Uint8Array;
  view: DataView;
  tables: Map<string, Table>;
  /** glyph data ranges in `glyf`, from `loca` */
  glyphStart: Uint32Array;
  glyphEnd: Uint32Array;
  advances: Uint16Array;
  leftBearings: Int16Array;
};

export function parseTrueType(data: Uint8Array): TrueTypeFont {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error("not a TrueType (glyf) font");
  const tables = new Map<string, Table>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const table = (tag: string): Table => {
    const found = tables.get(tag);
    if (!found) throw new Error(`font has no ${tag} table`);
    return found;
  };
  const head = table("head");
  const maxp = table("maxp");
  const hhea = table("hhea");
  const loca = table("loca");
  const hmtx = table("hmtx");
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const offsetAt = (gid: number): number =>
    longOffsets ? view.getUint32(loca.offset + 4 * gid) : 2 * view.getUint16(loca.offset + 2 * gid);
  const glyphStart = new Uint32Array(numGlyphs);
  const glyphEnd = new Uint32Array(numGlyphs);
  for (let gid = 0; gid < numGlyphs; gid++) {
    glyphStart[gid] = offsetAt(gid);
    glyphEnd[gid] = offsetAt(gid + 1);
  }
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const advances = new Uint16Array(numGlyphs);
  const leftBearings = new Int16Array(numGlyphs);
  for (let gid = 0; gid < numGlyphs; gid++) {
    if (gid < numberOfHMetrics) {
      advances[gid] = view.getUint16(hmtx.offset + 4 * gid);
      leftBearings[gid] = view.getInt16(hmtx.offset + 4 * gid + 2);
    } else {
      advances[gid] = advances[numberOfHMetrics - 1]!;
      leftBearings[gid] = view.getInt16(hmtx.offset + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics));
    }
  }
  return { data, view, tables, glyphStart, glyphEnd, advances, leftBearings };
}

// Composite glyph flags (OpenType spec, 'glyf' table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Same interface as fontkit's Subset, as far as pdfkit uses it. */
export class TrueTypeSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  /** pdfkit embeds CFF outlines differently; this subset never has them. */
  readonly cff = undefined;

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0); // .notdef stays glyph 0
  }

  /** The glyph's id in the subset, adding it if new. */
  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === "number" ? glyph : glyph.id;
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Uint8Array {
    const { font } = this;
    const glyf = font.tables.get("glyf")!;
    const pieces: Uint8Array[] = [];
    const offsets: number[] = [];
    let offset = 0;
    // Components of composite glyphs join the list while it is walked.
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const start = glyf.offset + font.glyphStart[gid]!;
      const end = glyf.offset + font.glyphEnd[gid]!;
      let piece: Uint8Array = font.data.subarray(start, end);
      if (end - start >= 10 && font.view.getInt16(start) < 0) {
        const copy = new Uint8Array(piece.length);
        copy.set(piece);
        this.remapComponents(copy);
        piece = copy;
      }
      offsets.push(offset);
      const padded = (piece.length + 3) & ~3;
      if (padded !== piece.length) {
        const copy = new Uint8Array(padded);
        copy.set(piece);
        piece = copy;
      }
      pieces.push(piece);
      offset += piece.length;
    }
    offsets.push(offset);

    const count = this.glyphs.length;
    const glyfOut = concat(pieces, offset);
    const locaOut = new Uint8Array(4 * (count + 1));
    const loca = new DataView(locaOut.buffer);
    offsets.forEach((value, i) => loca.setUint32(4 * i, value));
    const hmtxOut = new Uint8Array(4 * count);
    const hmtx = new DataView(hmtxOut.buffer);
    this.glyphs.forEach((gid, i) => {
      hmtx.setUint16(4 * i, font.advances[gid]!);
      hmtx.setInt16(4 * i + 2, font.leftBearings[gid]!);
    });
    const headOut = this.copyTable("head")!;
    const head = new DataView(headOut.buffer);
    head.setUint32(8, 0); // checkSumAdjustment, set below
    head.setInt16(50, 1); // long loca offsets
    const hheaOut = this.copyTable("hhea")!;
    new DataView(hheaOut.buffer).setUint16(34, count);
    const maxpOut = this.copyTable("maxp")!;
    new DataView(maxpOut.buffer).setUint16(4, count);

    const tables: [string, Uint8Array | null][] = [
      ["cvt ", this.copyTable("cvt ")],
      ["fpgm", this.copyTable("fpgm")],
      ["glyf", glyfOut],
      ["head", headOut],
      ["hhea", hheaOut],
      ["hmtx", hmtxOut],
      ["loca", locaOut],
      ["maxp", maxpOut],
      ["prep", this.copyTable("prep")],
    ];
    const present = tables.filter((entry): entry is [string, Uint8Array] => entry[1] !== null);
    const file = writeFont(present);
    const sum = checksum(file, 0, file.length);
    new DataView(file.buffer).setUint32(headOffsetIn(file), (0xb1b0afba - sum) >>> 0);
    return file;
  }

  /** A copy of a whole table, in its own buffer (the font's bytes are never written to). */
  private copyTable(tag: string): Uint8Array | null {
    const table = this.font.tables.get(tag);
    if (!table) return null;
    const copy = new Uint8Array(table.length);
    copy.set(this.font.data.subarray(table.offset, table.offset + table.length));
    return copy;
  }

  private remapComponents(glyph: Uint8Array): void {
    const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      view.setUint16(at + 2, this.includeGlyph(view.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return;
    }
  }
}

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function checksum(data: Uint8Array, start: number, length: number): number {
  let sum = 0;
  const end = start + length;
  for (let i = start; i < end; i += 4) {
    sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

/** An sfnt file from tables given in tag order. */
function writeFont(tables: [string, Uint8Array][]): Uint8Array {
  const numTables = tables.length;
  const headerLength = 12 + 16 * numTables;
  const total = tables.reduce((sum, [, data]) => sum + ((data.length + 3) & ~3), headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, numTables * 16 - searchRange);
  let offset = headerLength;
  tables.forEach(([tag, data], i) => {
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    out.set(data, offset);
    view.setUint32(record + 4, checksum(out, offset, data.length));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    offset += (data.length + 3) & ~3;
  });
  return out;
}

function headOffsetIn(file: Uint8Array): number {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(...file.subarray(record, record + 4)) === "head") return view.getUint32(record + 8) + 8;
  }
  throw new Error("no head table");
}
