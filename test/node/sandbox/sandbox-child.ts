/**
 * A sandbox in its own process for the crash suites, with options the CLI has no flag for:
 * `node --import tsx sandbox-child.ts DATA_FILE COMPACT_AFTER_BYTES`. Prints `listening on URL`.
 */
import { createSandbox } from '../../../src/sandbox/index.js';

const [dataFile, compactAfterBytes] = process.argv.slice(2);
const sandbox = await createSandbox({ dataFile: dataFile as string, compactAfterBytes: Number(compactAfterBytes), logger: () => undefined });
console.log(`listening on ${sandbox.url}`);
