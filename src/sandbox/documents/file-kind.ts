/** Recognises the document formats AvaTax accepts by their first bytes, never by name or header. */
import type { StoredDocument } from '../store/types.js';

export type DocumentKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);

/** The format of `data`, or null when it is none of PDF, JPEG, PNG, TIFF. */
export function sniffDocument(data: Uint8Array): DocumentKind | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

/** MIME type of a document kind. */
export function mimeOf(kind: DocumentKind): string {
  return { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff' }[kind];
}

/** Pages in a PDF, counted from its page objects (good enough for generated and typical files). */
export function countPdfPages(data: Buffer): number {
  const matches = data.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return Math.max(1, matches?.length ?? 1);
}

/** Width, height and colour components of a JPEG, read from its start-of-frame segment. */
export function jpegGeometry(data: Buffer): { width: number; height: number; components: number } | null {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = data.readUInt16BE(at + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7), components: data[at + 9] as number };
    }
    at += 2 + length;
  }
  return null;
}

/** How an uploaded file is kept: JPEGs as pages, everything else as the file itself. */
export function storedDocumentOf(data: Buffer, kind: DocumentKind): StoredDocument {
  if (kind === 'jpeg') return { kind, pagesBase64: [data.toString('base64')] };
  return { kind, base64: data.toString('base64'), pages: kind === 'pdf' ? countPdfPages(data) : 1 };
}
