// A small reader for the PDFs pdfkit writes, so tests can check what a letter
// says without poppler: it maps the glyph ids in the content streams back to
// text through each font's ToUnicode CMap. It understands pdfkit's output, not
// PDF in general.

import { inflateSync } from "node:zlib";

export type PdfObject = { dict: string; stream: Buffer | null };

/** Every indirect object by number, streams inflated when FlateDecode. */
export function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1"); // one char per byte, so offsets match
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\n/g;
  const dictEnd = /\nstream\n|\nendobj/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    dictEnd.lastIndex = start;
    const end = dictEnd.exec(text);
    if (!end) throw new Error(`object ${match[1]} does not end`);
    if (end[0] === "\nstream\n") {
      const streamAt = end.index;
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
      if (!Number.isInteger(length)) throw new Error(`object ${match[1]}: stream without a direct /Length`);
      const raw = pdf.subarray(streamAt + 8, streamAt + 8 + length);
      const stream = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
      objects.set(Number(match[1]), { dict, stream });
      header.lastIndex = streamAt + 8 + length;
    } else {
      objects.set(Number(match[1]), { dict: text.slice(start, end.index), stream: null });
      header.lastIndex = end.index;
    }
  }
  return objects;
}

const ref = (dict: string, key: string): number | null => {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return found ? Number(found[1]) : null;
};

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string): string =>
    String.fromCharCode(...(h.match(/[0-9a-fA-F]{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const section of cmap.matchAll(/beginbfrange\n([\s\S]*?)endbfrange/g)) {
    for (const line of section[1]!.split("\n")) {
      const range = /^<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> (\[.*\]|<[0-9a-fA-F]+>)$/.exec(line.trim());
      if (!range) continue;
      const first = parseInt(range[1]!, 16);
      const last = parseInt(range[2]!, 16);
      if (range[3]!.startsWith("[")) {
        [...range[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].forEach((dst, i) => map.set(first + i, hex(dst[1]!)));
      } else {
        const base = parseInt(range[3]!.slice(1, -1), 16);
        for (let code = first; code <= last; code++) map.set(code, String.fromCharCode(base + code - first));
      }
    }
  }
  return map;
}

/** The text of each page, lines in drawing order; fragments on one baseline are joined. */
export function extractPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const get = (id: number | null): PdfObject => {
    const object = id === null ? undefined : objects.get(id);
    if (!object) throw new Error(`missing object ${id}`);
    return object;
  };
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict));
  if (!catalog) throw new Error("no catalog");
  const kids = /\/Kids \[([^\]]*)\]/.exec(get(ref(catalog.dict, "Pages")).dict)?.[1] ?? "";
  const pageIds = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

  const cmaps = new Map<number, Map<number, string>>();
  const fontMap = (fontId: number): Map<number, string> => {
    let map = cmaps.get(fontId);
    if (!map) {
      map = toUnicodeMap(get(ref(get(fontId).dict, "ToUnicode")).stream!.toString("latin1"));
      cmaps.set(fontId, map);
    }
    return map;
  };

  return pageIds.map((pageId) => {
    const page = get(pageId).dict;
    const resources = get(ref(page, "Resources")).dict;
    const fonts = new Map(
      [...(/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "").matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [
        m[1]!,
        Number(m[2]),
      ]),
    );
    const content = get(ref(page, "Contents")).stream!.toString("latin1");
    let out = "";
    let font: Map<number, string> | null = null;
    let lastY: number | null = null;
    for (const line of content.split("\n")) {
      const tm = /^1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm$/.exec(line);
      if (tm) {
        const y = Number(tm[2]);
        if (lastY !== null && Math.abs(y - lastY) > 0.5) out += "\n";
        // Another fragment on the same baseline: a continued run or the next table cell.
        else if (lastY !== null && !/\s$/.test(out)) out += " ";
        lastY = y;
        continue;
      }
      const tf = /^\/(\w+) [\d.]+ Tf$/.exec(line);
      if (tf) {
        font = fontMap(fonts.get(tf[1]!) ?? NaN);
        continue;
      }
      if (line.endsWith("TJ") && font) {
        for (const [, hex] of line.matchAll(/<([0-9a-fA-F]*)>/g)) {
          for (const unit of hex!.match(/[0-9a-fA-F]{4}/g) ?? []) out += font.get(parseInt(unit, 16)) ?? "\uFFFD";
        }
      }
    }
    return out.replace(/\u00A0/g, " ");
  });
}

export function extractText(pdf: Buffer): string {
  return extractPages(pdf).join("\n\f\n");
}
