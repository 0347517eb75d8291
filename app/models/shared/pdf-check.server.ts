// What makes an uploaded PDF refused (app/models/shared/file-intake.server.ts loads this file with the first PDF):
// it must parse and have a page, must not be encrypted, and must hold nothing active: JavaScript, launch or submit
// actions, embedded files, XFA forms or rich media.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from "pdf-lib";
import type { Problem } from "./file-intake.server";

// Keys, action types and object types that make a PDF do something when opened or clicked.
const ACTIVE_KEYS = new Set([
  "JS",
  "JavaScript",
  "EmbeddedFiles",
  "EmbeddedFile",
  "XFA",
  "RichMedia",
  "RichMediaExecute",
]);
const ACTIVE_ACTIONS = new Set([
  "JavaScript",
  "Launch",
  "SubmitForm",
  "ImportData",
  "GoToE",
  "RichMediaExecute",
  "Rendition",
]);
const ACTIVE_TYPES = new Set(["EmbeddedFile", "Filespec", "FileAttachment", "RichMedia", "Sound", "Movie", "Screen"]);

function isActive(dict: PDFDict): boolean {
  for (const [key, value] of dict.entries()) {
    const k = key.decodeText();
    if (ACTIVE_KEYS.has(k)) return true;
    // a link whose address is a script
    if (
      k === "URI" &&
      (value instanceof PDFString || value instanceof PDFHexString) &&
      /^\s*(javascript|vbscript|data):/i.test(value.decodeText())
    )
      return true;
    if ((k === "S" || k === "Type" || k === "Subtype") && value instanceof PDFName) {
      const v = value.decodeText();
      if ((k === "S" && ACTIVE_ACTIONS.has(v)) || ACTIVE_TYPES.has(v)) return true;
    }
  }
  return false;
}

/** Walks every object of the file, indirect or nested, for anything active. */
function holdsActiveContent(doc: PDFDocument): boolean {
  const seen = new Set<PDFObject>();
  const walk = (o: PDFObject | undefined): boolean => {
    if (!o || o instanceof PDFRef || seen.has(o)) return false; // references are walked as indirect objects
    seen.add(o);
    const dict = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : undefined;
    if (dict) return isActive(dict) || dict.values().some(walk);
    if (o instanceof PDFArray) return o.asArray().some(walk);
    return false;
  };
  return doc.context.enumerateIndirectObjects().some(([, o]) => walk(o));
}

/** A file already known to start as a PDF: kept as sent when it parses, has a page and holds nothing active. */
export async function readPdf(data: Uint8Array): Promise<{ ok: true } | ({ ok: false } & Problem)> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false, throwOnInvalidObject: true });
    if (doc.getPageCount() < 1) return { ok: false, problem: "pdfUnreadable" };
  } catch {
    // damaged, not a PDF after all, or encrypted (judges could not open it)
    return { ok: false, problem: "pdfUnreadable" };
  }
  return holdsActiveContent(doc) ? { ok: false, problem: "pdfActive" } : { ok: true };
}
