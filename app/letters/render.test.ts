import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  allLetters,
  caseHistory,
  decision,
  feedback,
  historyEvents,
  investigationNotice,
  invitation,
  receipt,
} from "./fixtures";
import { extractPages, extractText, readObjects } from "./pdf-text";
import { closeLetterWorkers, drawLetter, letterWorkerReady, lettersDrawnOnWorkers } from "./draw.server";
import { LYSEKIL, letterFileName, letterTitle, renderLetter, type Letter } from "./render.server";

/** Sentences may wrap anywhere: compare prose with line breaks as spaces. */
const prose = (text: string): string => text.replace(/\s+/g, " ");
const objectsOf = (pdf: Buffer) => [...readObjects(pdf).values()];
const dictOf = (pdf: Buffer, pattern: RegExp): string => {
  const found = objectsOf(pdf).find((o) => pattern.test(o.dict));
  if (!found) throw new Error(`no object matches ${pattern}`);
  return found.dict;
};
const xmpOf = (pdf: Buffer): string => {
  const metadata = objectsOf(pdf).find((o) => /\/Type \/Metadata/.test(o.dict));
  return metadata?.stream?.toString("utf8") ?? "";
};

describe.each(allLetters.map((letter) => [letter.kind, letter] as const))("%s letter", (_, letter) => {
  it("is a PDF/A-2a file: XMP identification, sRGB output intent, PDF 1.7", async () => {
    const pdf = await renderLetter(letter);
    expect(pdf.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(pdf.subarray(-6).toString("latin1")).toMatch(/%%EOF\n?$/);
    const xmp = xmpOf(pdf);
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>A</pdfaid:conformance>");
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${letterTitle(letter)}</rdf:li>`);
    expect(xmp).toContain("<xmp:ModifyDate>");
    expect(dictOf(pdf, /\/Type \/OutputIntent/)).toContain("/S /GTS_PDFA1");
  });

  it("is tagged, in Swedish, and shows its title", async () => {
    const pdf = await renderLetter(letter);
    const catalog = dictOf(pdf, /\/Type \/Catalog/);
    expect(catalog).toContain("/Lang (sv-SE)");
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalog).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(catalog).toMatch(/\/ViewerPreferences \d+ 0 R/);
    expect(dictOf(pdf, /\/DisplayDocTitle/)).toContain("/DisplayDocTitle true");
    expect(dictOf(pdf, /\/Marked/)).toContain("/Marked true");
    const structTypes = objectsOf(pdf)
      .map((o) => /\/S \/(\w+)/.exec(o.dict)?.[1])
      .filter(Boolean);
    expect(structTypes).toContain("Document");
    expect(structTypes.filter((t) => t === "H1")).toHaveLength(1);
    expect(structTypes).toContain("P");
    // Every page's content is marked: structure content or artifacts.
    for (const page of objectsOf(pdf).filter((o) => /\/Type \/Page\n/.test(o.dict))) {
      expect(page.dict).toMatch(/\/StructParents \d+/);
    }
  });

  it("embeds DejaVu Sans and uses no standard-14 font", async () => {
    const pdf = await renderLetter(letter);
    const fonts = objectsOf(pdf).filter((o) => /\/Type \/Font\b/.test(o.dict));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.dict).not.toMatch(/\/Subtype \/Type1\b/);
    const descriptors = objectsOf(pdf).filter((o) => /\/Type \/FontDescriptor/.test(o.dict));
    expect(descriptors.map((d) => /\/FontName \/\w{6}\+([\w-]+)/.exec(d.dict)?.[1]).sort()).toEqual([
      "DejaVuSans",
      "DejaVuSans-Bold",
    ]);
    for (const descriptor of descriptors) expect(descriptor.dict).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(pdf.includes("/Helvetica")).toBe(false);
  });

  it("renders byte-identical output for the same input", async () => {
    const [first, second] = await Promise.all([renderLetter(letter), renderLetter(structuredClone(letter))]);
    expect(first.equals(second)).toBe(true);
  });

  it("prints the municipality, the reference number and the date", async () => {
    const text = extractText(await renderLetter(letter));
    expect(text).toContain("Lysekils kommun");
    expect(text).toContain("Socialtjänsten – Barn och unga");
    expect(text).toContain("Växel 0523-61 30 00");
    expect(text).toContain(letter.referenceNumber);
    expect(text).toContain(letter.kind === "caseHistory" ? "10 december 2026" : "24 november 2026");
    expect(text).toContain("Sida 1 (");
    expect(text).not.toContain("\uFFFD");
  });
});

describe("reproducibility", () => {
  it("a letter drawn on the worker thread is byte for byte the one drawn here", async () => {
    expect(await letterWorkerReady()).toBe(true);
    const before = lettersDrawnOnWorkers();
    for (const letter of [receipt, invitation, decision]) {
      expect(Buffer.compare(await drawLetter(letter, { municipality: LYSEKIL }), await renderLetter(letter, { municipality: LYSEKIL })), letter.kind).toBe(0);
    }
    expect(lettersDrawnOnWorkers() - before).toBe(3);
  });

  it("the workers a first start used for the demo seed are stopped after it; a later letter starts them again", async () => {
    expect(await letterWorkerReady()).toBe(true);
    await closeLetterWorkers();
    expect(lettersDrawnOnWorkers()).toBe(0);
    // Drawn here while the pool starts again, and the same bytes.
    expect(Buffer.compare(await drawLetter(receipt), await renderLetter(receipt))).toBe(0);
    expect(await letterWorkerReady()).toBe(true);
    const started = lettersDrawnOnWorkers();
    await drawLetter(invitation);
    expect(lettersDrawnOnWorkers() - started).toBe(1);
  });

  it("writes letters uncompressed (zlib output varies by build), the case history compressed", async () => {
    for (const letter of allLetters) {
      const compressed = (await renderLetter(letter)).includes("/FlateDecode");
      expect(compressed, letter.kind).toBe(letter.kind === "caseHistory");
    }
  });

  it("gives a fresh process the same bytes as one that has rendered other text before", async () => {
    const digest = (pdf: Buffer) => createHash("sha256").update(pdf).digest("hex");
    // Odd input first: decomposed "ä", ligature characters, NBSP, other scripts.
    await renderLetter({ ...decision, reasoning: "Ja\u0308rn ﬁnns ﬀ oﬃce\u00A0Ωμέγα Åsa ﬂ" });
    await renderLetter({ ...caseHistory, events: historyEvents(40) });
    const here = digest(await renderLetter(invitation));
    const script = `
      const { renderLetter } = await import(${JSON.stringify(new URL("./render.server.ts", import.meta.url).pathname)});
      const { invitation } = await import(${JSON.stringify(new URL("./fixtures.ts", import.meta.url).pathname)});
      const { createHash } = await import("node:crypto");
      process.stdout.write(createHash("sha256").update(await renderLetter(invitation)).digest("hex"));`;
    const fresh = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(fresh).toBe(here);
  });

  it("does not depend on the server's time zone or the clock", async () => {
    const before = await renderLetter(invitation);
    const tz = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      await new Promise((resolve) => setTimeout(resolve, 1100)); // a different second on the clock
      expect((await renderLetter(invitation)).equals(before)).toBe(true);
    } finally {
      process.env.TZ = tz;
    }
  });

  it("takes its dates and file ID from the letter", async () => {
    const pdf = await renderLetter(invitation);
    // CreationDate and ModDate (info values are indirect objects in pdfkit's output)
    expect(pdf.toString("latin1").match(/\(D:20261124130500Z\)/g)).toHaveLength(2);
    expect(xmpOf(pdf)).toContain("<xmp:CreateDate>2026-11-24T13:05:00Z</xmp:CreateDate>");
    expect(xmpOf(pdf)).toContain("<xmp:ModifyDate>2026-11-24T13:05:00Z</xmp:ModifyDate>");
    const later = await renderLetter({ ...invitation, createdAt: "2026-11-25T08:00:00Z" });
    const id = (p: Buffer) => /\/ID \[<(\w+)>/.exec(p.toString("latin1"))?.[1];
    expect(id(pdf)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(later)).not.toBe(id(pdf));
  });
});

describe("what the letters say", () => {
  it("receipt: reference, time received, what happens next, acute danger; nothing about a child", async () => {
    const text = prose(extractText(await renderLetter(receipt)));
    expect(text).toContain("Kvittens på orosanmälan");
    expect(text).toContain("Hej Anna Berg!");
    expect(text).toContain("Anmälningsnummer: VRN-2026-00012");
    // It promises only what the unit does: reports are read in office hours.
    expect(text).toContain("Vi läser anmälan vardagar 08–16 och bedömer då genast om barnet behöver skydd");
    expect(text).toContain("Mottagen: 24 november 2026 kl. 14:04");
    expect(text).toContain("Vad händer nu?");
    expect(text).toContain("Ring 112");
    expect(text).toContain("socialjouren via 112");
    expect(text).not.toMatch(/Elias|Johansson|Gäller/);
  });

  it("receipt from a unit without saved hours promises none: it is read in office hours", async () => {
    const { officeHours: _none, ...withoutHours } = LYSEKIL;
    const text = prose(extractText(await renderLetter(receipt, { municipality: withoutHours })));
    expect(text).toContain("Vi läser anmälan under kontorstid och bedömer då genast om barnet behöver skydd");
    expect(text).not.toContain("08–16");
  });

  it("receipt to an anonymous reporter greets no one", async () => {
    const text = extractText(await renderLetter({ ...receipt, reporterName: null }));
    expect(text).toContain("Hej!");
    expect(text).not.toContain("null");
  });

  it("invitation: date, time, place and the caseworker", async () => {
    const text = extractText(await renderLetter(invitation));
    expect(text).toContain("Kallelse till samtal");
    expect(text).toContain("Dag: tisdag 1 december 2026");
    expect(text).toContain("Tid: kl. 10:00");
    expect(text).toContain("Plats: Socialtjänsten, Kungsgatan 42, Lysekil");
    expect(text).toContain("Handläggare: Maria Lindqvist, telefon 0523-61 31 42");
    expect(text).toContain("Strandvägen 12\n453 30 Lysekil");
    // No ligature glyphs: "ff" reads back as two letters.
    expect(prose(text)).toContain("vill träffa dig");
  });

  it("invitation to the child speaks to the child", async () => {
    const text = extractText(
      await renderLetter({ ...invitation, recipientRole: "child", recipient: { name: "Elias Johansson", address: null } }),
    );
    expect(text).toContain("Hej Elias Johansson!");
    expect(text).toContain("hur du har det");
  });

  it("decision: outcome, reasons, the support offered and how to accept it, who decided", async () => {
    const text = prose(extractText(await renderLetter(decision)));
    expect(text).toContain("Socialtjänsten har beslutat att inte inleda någon utredning om Elias");
    expect(text).toContain("Skäl för beslutet");
    expect(text).toContain("fungerande nätverk");
    expect(text).toContain("• Föräldrastöd i grupp");
    expect(text).toContain("• Samtalsstöd för barn");
    expect(text).toMatch(/ring Maria Lindqvist på telefon 0523-61 31 42/);
    expect(text).toContain("överklaga");
    expect(text).toContain("Beslutet har fattats av Erik Holm, enhetschef.");
    const opened = prose(extractText(await renderLetter({ ...decision, outcome: "openInvestigation", support: [] })));
    expect(opened).toContain("beslutat att inleda en utredning om Elias");
    expect(opened).not.toContain("Stöd som vi erbjuder");
  });

  it("investigation notice: when it was opened and who to contact", async () => {
    const text = prose(extractText(await renderLetter(investigationNotice)));
    expect(text).toContain("Underrättelse om att utredning inleds");
    expect(text).toContain("har den 5 december 2026 beslutat att inleda");
    expect(text).toContain("fyra månader");
    expect(text).toContain("Maria Lindqvist, telefon 0523-61 31 42");
  });

  it("feedback: the outcome and nothing more", async () => {
    const sentences = {
      investigationOpened: "Besked: En utredning har inletts.",
      notOpened: "Besked: Någon utredning har inte inletts.",
      alreadyUnderway: "Besked: En utredning pågår redan. Uppgifterna i din anmälan tas med i den.",
      transferred: "Besked: Ärendet har lämnats över till en annan kommun, som beslutar om utredning.",
    } as const;
    const texts = await Promise.all(
      Object.keys(sentences).map(async (outcome) =>
        extractText(await renderLetter({ ...feedback, outcome: outcome as keyof typeof sentences })),
      ),
    );
    Object.values(sentences).forEach((sentence, i) => expect(texts[i]).toContain(sentence));
    // Apart from the outcome sentence, the three letters are word for word the same.
    const rest = texts.map((text, i) => text.replace(Object.values(sentences)[i]!, ""));
    expect(new Set(rest).size).toBe(1);
    expect(texts[0]).toContain("Lena Ek\nSkaftö skola");
    // It says which report it answers: the reporter may have made several.
    expect(texts[0]).toContain("Du gjorde den 24 november 2026 en orosanmälan");
  });

  it("drops control characters from free text", async () => {
    const text = extractText(await renderLetter({ ...invitation, place: "Kungsgatan\u0007 42\u0000" }));
    expect(text).toContain("Plats: Kungsgatan 42");
  });

  it("takes the sender from the municipality option", async () => {
    const municipality = { name: "Orusts kommun", unit: "Individ- och familjeomsorgen", phone: "0304-33 40 00", address: ["473 80 Henån"] };
    const text = extractText(await renderLetter(invitation, { municipality }));
    expect(text).toContain("Orusts kommun");
    expect(text).toContain("Växel 0304-33 40 00");
    expect(text).not.toContain("Lysekils kommun");
  });
});

describe("protected personal data", () => {
  const secret = "Hemliga vägen 7\n453 91 Lysekil";
  const posted: Letter[] = [invitation, decision, investigationNotice];

  it.each(posted.map((l) => [l.kind, l] as const))("%s prints no address when it is protected", async (_, letter) => {
    const withAddress = { ...letter, recipient: { name: "Karin Johansson", address: secret } } as Letter;
    const protectedOne = { ...letter, recipient: { name: "Karin Johansson", address: null } } as Letter;
    // The reader does see an address when there is one …
    expect(extractText(await renderLetter(withAddress))).toContain("Hemliga vägen 7\n453 91 Lysekil");
    // … and none when it is protected: the name, then straight on to the letter.
    const text = extractText(await renderLetter(protectedOne));
    expect(text).not.toMatch(/Hemliga|453 91|Strandvägen|453 30/);
    expect(text).toMatch(/VRN-2026-00012\nKarin Johansson\n(Kallelse|Beslut|Underrättelse)/);
  });
});

describe("case history", () => {
  it("pages 2,000 events, each once, with the column headings repeated", async () => {
    const events = historyEvents(2000);
    const pdf = await renderLetter({ ...caseHistory, events });
    const pages = extractPages(pdf);
    expect(pages.length).toBeGreaterThan(20);
    pages.forEach((page, i) => {
      expect(page).toContain(`Sida ${i + 1} (${pages.length})`);
      expect(page).toContain("Nr Tidpunkt Händelse Utförd av Beskrivning");
      if (i > 0) expect(page).toContain("Diarienummer VRN-2026-00012");
    });
    const text = pages.join("\n");
    expect(text).toContain("Antal händelser: 2000");
    for (const event of [events[0]!, events[999]!, events[1999]!]) {
      expect(text.split(`Kontrollsumma: ${event.hash}`)).toHaveLength(2);
    }
    expect(text.match(/Kontrollsumma: [0-9a-f]{64}/g)).toHaveLength(2000);
    expect(pages.at(-1)).toContain("2000 2026-");
    // One table in the structure; the repeated headings are artifacts.
    const types = objectsOf(pdf).map((o) => /\/S \/(\w+)/.exec(o.dict)?.[1]);
    expect(types.filter((t) => t === "Table")).toHaveLength(1);
    expect(types.filter((t) => t === "TH")).toHaveLength(5);
    expect(types.filter((t) => t === "TR")).toHaveLength(2001);
  });

  it("says so when there are no events", async () => {
    const text = extractText(await renderLetter({ ...caseHistory, events: [] }));
    expect(text).toContain("Ärendet har inga registrerade händelser.");
  });
});

describe("names", () => {
  it("gives Swedish titles and ASCII file names", () => {
    expect(letterTitle(receipt)).toBe("Kvittens på orosanmälan – VRN-2026-00012");
    expect(letterFileName(receipt)).toBe("kvittens-VRN-2026-00012.pdf");
    expect(letterFileName(investigationNotice)).toBe("underrattelse-utredning-VRN-2026-00012.pdf");
    expect(letterFileName({ ...caseHistory, referenceNumber: "../VRN 1<x>" })).toBe("arendehistorik-..VRN1x.pdf");
    for (const letter of allLetters) expect(letterFileName(letter)).toMatch(/^[a-z-]+-[A-Za-z0-9._-]+\.pdf$/);
  });
});

// Poppler is not needed by the suite; where it is installed, it reads the file too.
const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasPoppler)("with poppler", () => {
  it("pdftotext and pdffonts read the letter", async () => {
    const dir = mkdtempSync(join(tmpdir(), "letters-"));
    const file = join(dir, "kallelse.pdf");
    writeFileSync(file, await renderLetter(invitation));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("VRN-2026-00012");
    expect(text).toContain("Kallelse till samtal");
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/Helvetica/);
  });
});
