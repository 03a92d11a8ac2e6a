/**
 * The optional data file. Saves are atomic (temporary file in the same folder, fsync,
 * rename over the target, fsync the folder) and complete before the HTTP answer that
 * committed the change, so an acknowledged write survives a crash and the file always
 * parses. A leftover temporary file is never read. A file that cannot be read or parsed
 * stops the sandbox: it is never silently replaced.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SandboxState } from './store/types.js';

const FORMAT = 'cert-elements-sandbox';
const VERSION = 1;

/** The data file exists but cannot be used. */
export class DataFileError extends Error {
  constructor(file: string, why: string) {
    super(`Cannot use sandbox data file ${file}: ${why}. Move it away or choose another file; it was left untouched.`);
    this.name = 'DataFileError';
  }
}

/** Reads the data file; null when it does not exist. */
export async function loadState(file: string): Promise<SandboxState | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DataFileError(file, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataFileError(file, 'it is not valid JSON');
  }
  const envelope = parsed as { format?: unknown; version?: unknown; state?: unknown };
  if (envelope?.format !== FORMAT) throw new DataFileError(file, 'it is not a cert-elements sandbox data file');
  if (envelope.version !== VERSION) throw new DataFileError(file, `it has format version ${String(envelope.version)}, expected ${VERSION}`);
  const problem = checkState(envelope.state);
  if (problem) throw new DataFileError(file, problem);
  return envelope.state as SandboxState;
}

function checkState(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'its state is missing';
  const s = value as Record<string, unknown>;
  if (typeof s.seedDay !== 'string') return 'seedDay is missing';
  const ids = s.nextIds as Record<string, unknown> | undefined;
  if (!ids || !['customer', 'certificate', 'invitation'].every((k) => Number.isInteger(ids[k]))) return 'nextIds is damaged';
  const provision = s.provision as Record<string, unknown> | undefined;
  if (!provision || typeof provision.status !== 'string') return 'provision is damaged';
  const lists: Array<[string, (r: Record<string, unknown>) => boolean]> = [
    ['customers', (r) => Number.isInteger(r.id) && typeof r.customerCode === 'string' && typeof r.name === 'string'],
    ['certificates', (r) => Number.isInteger(r.id) && Array.isArray(r.customerCodes) && typeof r.signedDate === 'string'],
    ['invitations', (r) => Number.isInteger(r.id) && typeof r.token === 'string' && typeof r.customerCode === 'string'],
  ];
  for (const [name, ok] of lists) {
    const list = s[name];
    if (!Array.isArray(list)) return `${name} is missing`;
    const bad = list.findIndex((r) => !r || typeof r !== 'object' || !ok(r as Record<string, unknown>));
    if (bad >= 0) return `${name}[${bad}] is damaged`;
  }
  return null;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  // Makes the rename itself durable.
  const folder = await open(dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Serialises saves. `save()` resolves once a write that started after the call has
 * completed, so the caller's change is on disk; concurrent callers share one write. When a
 * write fails, `restore` gets the last state that reached the disk and every caller waiting on
 * that write or the next one is told it failed: their changes are gone from memory too.
 */
export class StateWriter {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** The text of the last state on disk (or, before the first save, the state it started from). */
  private committed: string;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => SandboxState,
    private readonly restore: (saved: SandboxState) => void,
  ) {
    this.committed = this.serialise();
  }

  save(): Promise<void> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => {
        this.queued = null;
        return this.start();
      },
      (error: unknown) => {
        this.queued = null;
        throw error;
      },
    );
    return this.queued;
  }

  /** Waits for every pending save. */
  async flush(): Promise<void> {
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  private serialise(): string {
    return JSON.stringify({ format: FORMAT, version: VERSION, savedAt: new Date().toISOString(), state: this.snapshot() });
  }

  private start(): Promise<void> {
    // The snapshot is taken now, synchronously, so it holds every change made so far.
    const text = this.serialise();
    const run = writeAtomically(this.file, text)
      .then(
        () => void (this.committed = text),
        (error: unknown) => {
          this.restore((JSON.parse(this.committed) as { state: SandboxState }).state);
          throw error;
        },
      )
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    return run;
  }
}
