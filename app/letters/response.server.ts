/** A stored letter as a download, exactly the bytes that were sent. */
export function pdfResponse(letter: { pdf: Buffer; fileName: string }): Response {
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${letter.fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
