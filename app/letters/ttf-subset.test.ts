import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTrueType, TrueTypeSubset } from "./ttf-subset.server";

// fontkit (pdfkit's own) is the reference: a glyph cut out by our subsetter must
// read back with the same outline and advance as in the full font.
type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string } };
type Font = { numGlyphs: number; glyphForCodePoint(cp: number): Glyph; getGlyph(id: number): Glyph };
const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(data: Uint8Array): Font };
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

describe.each(["DejaVuSans", "DejaVuSans-Bold"])("TrueType subset of %s", (name) => {
  const bytes = readFileSync(join(fontDir, `${name}.ttf`));
  const original = fontkit.create(bytes);
  const parsed = parseTrueType(bytes);
  const text = "Åsa Öberg, Ängelholm – ärendenummer VRN-2026-00012 • 0523-61 30 00 ÉéÜü§€";
  const gids = [...new Set([...text].map((c) => original.glyphForCodePoint(c.codePointAt(0)!).id))];
  const isComposite = (gid: number) =>
    parsed.glyphEnd[gid]! > parsed.glyphStart[gid]! &&
    parsed.view.getInt16(parsed.tables.get("glyf")!.offset + parsed.glyphStart[gid]!) < 0;

  it("covers composite glyphs (accented letters built from parts)", () => {
    expect(gids.some(isComposite)).toBe(true);
  });

  it("keeps every glyph's outline and advance, under new ids", () => {
    const subset = new TrueTypeSubset(parsed);
    const ids = gids.map((gid) => subset.includeGlyph(gid));
    expect(ids).toEqual(gids.map((_, i) => i + 1)); // 0 is .notdef
    const encoded = subset.encode();
    const cut = fontkit.create(encoded);
    // Components of composite glyphs were added as well.
    expect(cut.numGlyphs).toBe(subset.glyphs.length);
    expect(cut.numGlyphs).toBeGreaterThan(gids.length);
    gids.forEach((gid, i) => {
      const before = original.getGlyph(gid);
      const after = cut.getGlyph(ids[i]!);
      expect(after.advanceWidth).toBe(before.advanceWidth);
      expect(after.path.toSVG()).toBe(before.path.toSVG());
    });
  });

  it("writes a well-formed sfnt: checksums add up, output is reproducible", () => {
    const make = () => {
      const subset = new TrueTypeSubset(parsed);
      gids.forEach((gid) => subset.includeGlyph(gid));
      return subset.encode();
    };
    const file = make();
    expect(Buffer.from(file).equals(Buffer.from(make()))).toBe(true);
    expect(file.length % 4).toBe(0);
    let sum = 0;
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    for (let i = 0; i < file.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    // The font's own bytes are shared by every document: never written to.
    expect(bytes.equals(readFileSync(join(fontDir, `${name}.ttf`)))).toBe(true);
  });
});
