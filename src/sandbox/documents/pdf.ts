/**
 * Minimal, valid PDFs: a text page (stand-in scans for seeded certificates) and
 * pages wrapping JPEGs (so a certificate uploaded as photos can still be fetched as PDF).
 *
 * Written out rather than taken from a PDF library: the sandbox ships in the package, so a
 * library would be installed by everyone who installs the elements, for two fixed layouts that
 * need one built-in font and a JPEG passed through unchanged. pdf-lib has had no release since
 * 2021, and pdfkit brings a font engine and image decoders that none of this uses.
 */
import { jpegGeometry } from './file-kind.js';

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;

/** Escapes text for a PDF string literal; characters outside Latin-1 print as '?'. */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').replace(/([\\()])/g, '\\$1');
}

/** Assembles numbered objects (1-based, in order) into a PDF with a correct xref table. */
function assemble(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof object === 'string' ? Buffer.from(object, 'latin1') : object,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ].join('');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** A one-page PDF showing a title and lines of text. */
export function textPdf(title: string, lines: readonly string[]): Buffer {
  const commands = ['BT', '/F1 18 Tf', `72 ${PAGE_HEIGHT - 90} Td`, `(${pdfText(title)}) Tj`, '/F1 11 Tf', '0 -28 Td'];
  for (const line of lines) commands.push(`(${pdfText(line)}) Tj`, '0 -16 Td');
  commands.push('ET');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('', Buffer.from(commands.join('\n'), 'latin1')),
  ]);
}

/**
 * A PDF with one page per JPEG, each scaled to fit; null when a JPEG is unreadable.
 * JPEG data goes in unchanged (DCTDecode), so nothing is re-encoded.
 */
export function jpegPdf(jpegs: readonly Buffer[]): Buffer | null {
  const pageCount = jpegs.length;
  // Objects: 1 catalog, 2 pages, then per page i: page (3+3i), image (4+3i), contents (5+3i).
  const kids = jpegs.map((_, i) => `${3 + 3 * i} 0 R`).join(' ');
  const objects: Array<string | Buffer> = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`];
  for (const [i, jpeg] of jpegs.entries()) {
    const geometry = jpegGeometry(jpeg);
    if (!geometry || geometry.width === 0 || geometry.height === 0) return null;
    const colorSpace = geometry.components === 1 ? '/DeviceGray' : geometry.components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    const margin = 36;
    const scale = Math.min((PAGE_WIDTH - 2 * margin) / geometry.width, (PAGE_HEIGHT - 2 * margin) / geometry.height, 1);
    const w = (geometry.width * scale).toFixed(2);
    const h = (geometry.height * scale).toFixed(2);
    const y = (PAGE_HEIGHT - margin - geometry.height * scale).toFixed(2);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /XObject << /Im1 ${4 + 3 * i} 0 R >> >> /Contents ${5 + 3 * i} 0 R >>`,
      stream(
        `/Type /XObject /Subtype /Image /Width ${geometry.width} /Height ${geometry.height} /ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode`,
        jpeg,
      ),
      stream('', Buffer.from(`q ${w} 0 0 ${h} ${margin} ${y} cm /Im1 Do Q`, 'latin1')),
    );
  }
  return assemble(objects);
}
