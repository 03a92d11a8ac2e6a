// `npm run size`: min+gzip of the one-file bundle (Lit included) and of each element's own code
// (element + shared base + client, Lit excluded). Fails when the bundle exceeds the budget.
// Needs `npm run build` first; writes nothing.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET = 12 * 1024;
const BUNDLE = 'dist/cert-elements.min.js';
const gz = (code) => gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`.padStart(9);

let bundle;
try {
  bundle = readFileSync(BUNDLE);
} catch {
  console.error(`size: ${BUNDLE} not found; run npm run build first`);
  process.exit(1);
}

/** Minified ES bundle of one entry with Lit external, built in memory. */
async function ownCode(entry) {
  const [output] = [await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'x.js' },
      rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//], output: { minify: true } },
    },
  })].flat();
  return output.output.map((chunk) => chunk.code ?? '').join('');
}

const rows = [['cert-elements.min.js (Lit included)', bundle.length, gz(bundle)]];
for (const [name, entry] of [
  ['<cert-status> own code', 'src/elements/define-cert-status.ts'],
  ['<certexpress-link> own code', 'src/elements/define-certexpress-link.ts'],
  ['client only', 'src/client/index.ts'],
]) {
  const code = await ownCode(entry);
  rows.push([name, Buffer.byteLength(code), gz(code)]);
}

console.log(`${'file'.padEnd(38)}      min  min+gzip`);
for (const [name, min, zipped] of rows) console.log(`${name.padEnd(38)}${kb(min)}${kb(zipped)}`);
const total = rows[0][2];
console.log(`\nbundle ${total} B of ${BUDGET} B budget (${BUDGET - total} B left)`);
if (total > BUDGET) {
  console.error(`size: ${BUNDLE} is ${total} B min+gzip, over the ${BUDGET} B budget`);
  process.exit(1);
}
