/**
 * `--data FILE`: a snapshot plus an append-only journal, the way Redis' AOF works.
 *
 * - Start: temporaries of interrupted snapshot writes are removed; the snapshot is read and
 *   the journals from its generation on are replayed, up to the last whole line (a line cut
 *   short by a crash was never acknowledged; it is cut off). A version-1 single-JSON file is
 *   converted (original kept as FILE.v1.bak). No file: the seed is written as the first snapshot.
 * - Each write appends one line and is acknowledged after fdatasync (see journal.ts), so its
 *   cost does not depend on how much data there is, and `kill -9` loses nothing acknowledged.
 * - When the journal outgrows max(compactAfterBytes, snapshot size), a new snapshot is
 *   written in slices while requests go on: appends move to the next journal generation, the
 *   snapshot is renamed over FILE once every write it may contain is durable, and older
 *   journals are deleted. A write failure meanwhile abandons that snapshot.
 */
import { copyFile, open, readFile, stat, truncate, unlink } from 'node:fs/promises';
import type { ChangeSet, JournalEntry, JournalOp } from '../store/change-set.js';
import { Store } from '../store/store.js';
import type { SandboxState } from '../store/types.js';
import { DataFileError } from './data-file-error.js';
import { journalGenerations, journalPath, removeLeftoverTemporaries } from './files.js';
import { Journal } from './journal.js';
import { parseLegacy, RECORD_CHECKS } from './legacy.js';
import { readLines } from './lines.js';
import { looksLikeSnapshot, readSnapshot, SNAPSHOT_VERSION, SnapshotAborted, writeSnapshot } from './snapshot.js';

/** Makes committed writes durable. */
export interface Persistence {
  /** Resolves once `changes` is on disk; rejects after undoing it in memory if it cannot be. */
  commit(changes: ChangeSet): Promise<void>;
  /** Waits for pending writes (and abandons a snapshot in progress). */
  close(): Promise<void>;
}

/** Without a data file: in memory only. */
export const MEMORY_ONLY: Persistence = { commit: () => Promise.resolve(), close: () => Promise.resolve() };

export interface DataFileOptions {
  /** The state to start from when FILE does not exist. */
  seed: () => SandboxState;
  /** Journal size that triggers a new snapshot (at least the snapshot's own size). */
  compactAfterBytes: number;
  /** Fault injection: true fails the next journal flush. */
  injectFailure: () => boolean;
  /** Receives one line about anything repaired or converted at start, or a snapshot that failed. */
  log: (line: string) => void;
}

export interface OpenedDataFile {
  store: Store;
  persistence: Persistence;
  /** True when FILE did not exist and was created from the seed. */
  fresh: boolean;
}

const HEAD_BYTES = 64 * 1024;

async function readHead(file: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DataFileError(file, (error as Error).message);
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const usableOp = (op: JournalOp): boolean => {
  if ('put' in op) return RECORD_CHECKS[`${op.put}s`]?.(op.value as unknown as Record<string, unknown>) === true;
  if ('del' in op) return ['customer', 'certificate', 'invitation'].includes(op.del) && op.key !== undefined;
  return typeof op.provision?.status === 'string';
};

function parseEntry(file: string, line: string, number: number): JournalEntry {
  try {
    const entry = JSON.parse(line) as JournalEntry;
    if (Array.isArray(entry.ops) && entry.nextIds && typeof entry.nextIds === 'object' && entry.ops.every(usableOp)) return entry;
  } catch {
    // reported below
  }
  throw new DataFileError(file, `journal line ${number} is damaged`);
}

/** Replays one journal; returns the length of its whole lines (a torn tail is cut off). */
async function replay(file: string, generation: number, store: Store, log: DataFileOptions['log']): Promise<number> {
  const path = journalPath(file, generation);
  const { wholeBytes, tailBytes } = await readLines(path, (line, number) => store.apply(parseEntry(path, line, number)));
  if (tailBytes > 0) {
    await truncate(path, wholeBytes);
    log(`sandbox data: ${path} ended in a write cut short (${tailBytes} bytes, never acknowledged); recovered up to the last whole record`);
  }
  return wholeBytes;
}

async function deleteJournalsBelow(file: string, generation: number): Promise<void> {
  for (const g of await journalGenerations(file)) if (g < generation) await unlink(journalPath(file, g)).catch(() => undefined);
}

/** Loads (or creates) FILE and returns the store and the persistence that keeps it. */
export async function openDataFile(file: string, options: DataFileOptions): Promise<OpenedDataFile> {
  const removed = await removeLeftoverTemporaries(file);
  if (removed.length > 0) options.log(`sandbox data: removed ${removed.length} temporary file(s) of an interrupted save`);
  const head = await readHead(file);
  let store: Store;
  let generation = 1;
  let journalBytes = 0;
  let snapshotBytes: number;
  let fresh = false;

  if (head === null) {
    // Journals without their snapshot (a data file deleted by hand) mean nothing any more.
    await deleteJournalsBelow(file, Number.MAX_SAFE_INTEGER);
    store = Store.fromState(options.seed());
    snapshotBytes = await writeSnapshot(file, store, generation);
    fresh = true;
  } else if (looksLikeSnapshot(head)) {
    const read = await readSnapshot(file, (header) => new Store(header));
    store = read.store;
    generation = read.header.generation;
    await deleteJournalsBelow(file, generation);
    for (const g of await journalGenerations(file)) {
      journalBytes = await replay(file, g, store, options.log);
      generation = g;
    }
    snapshotBytes = (await stat(file)).size;
  } else {
    const state = parseLegacy(file, await readFile(file, 'utf8'), SNAPSHOT_VERSION);
    store = Store.fromState(state);
    await copyFile(file, `${file}.v1.bak`);
    await deleteJournalsBelow(file, Number.MAX_SAFE_INTEGER);
    snapshotBytes = await writeSnapshot(file, store, generation);
    options.log(`sandbox data: converted ${file} to the snapshot + journal format (the original is kept as ${file}.v1.bak)`);
  }

  const journal = new Journal(file, generation, (changes) => store.undo(changes), options.injectFailure);
  await journal.open(journalBytes);
  return { store, persistence: new DataFilePersistence(file, store, journal, snapshotBytes, options), fresh };
}

class DataFilePersistence implements Persistence {
  private compacting: Promise<void> | null = null;
  private closing = false;

  constructor(
    private readonly file: string,
    private readonly store: Store,
    private readonly journal: Journal,
    private snapshotBytes: number,
    private readonly options: DataFileOptions,
  ) {}

  async commit(changes: ChangeSet): Promise<void> {
    await this.journal.append(changes);
    if (!this.compacting && !this.closing && this.journal.bytes > Math.max(this.options.compactAfterBytes, this.snapshotBytes)) {
      this.compacting = this.compact().finally(() => (this.compacting = null));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.compacting;
    await this.journal.close();
  }

  private async compact(): Promise<void> {
    const failures = this.journal.failures;
    try {
      await this.journal.between(() => this.journal.rotate());
      const generation = this.journal.generation;
      this.snapshotBytes = await writeSnapshot(this.file, this.store, generation, {
        stopped: () => this.closing,
        // Installed only after every write queued so far (all the snapshot can hold) is durable.
        beforeInstall: (install) =>
          this.journal.between(async () => {
            if (this.journal.failures !== failures) throw new SnapshotAborted('a write failed while it was taken');
            await install();
            await deleteJournalsBelow(this.file, generation);
          }),
      });
    } catch (error) {
      if (!(error instanceof SnapshotAborted)) this.options.log(`sandbox data: a snapshot could not be written (${(error as Error).message}); the journal keeps everything`);
    }
  }
}
