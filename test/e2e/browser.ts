/** Chromium for the end-to-end tests (the demo's launcher), and a PDF to upload. */
import { textPdf } from '../../src/sandbox/documents/pdf.js';

export { CHROME_PATH, launchChromium } from '../../demo/chromium.js';

/** A one-page PDF made on the spot (by the sandbox's own generator), so no fixture files are needed. */
export const makePdf = (text: string): Buffer => textPdf(text, ['Made for an end-to-end test.']);
