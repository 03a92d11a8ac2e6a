/**
 * The append-only journal: one JSON line per write, appended and fdatasync'ed before the
 * write is acknowledged. Writes that arrive while a flush is in progress are grouped into the
 * next flush (group commit), so one sync serves many requests. A flush that fails undoes,
 * in memory, its writes and every write queued after it (they were built on top of it) and
 * rejects them all; the file is cut back to its last good length before the next append.
 * Other jobs (journal rotation, snapshot installation) run between flushes, in order.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { ChangeSet } from '../store/change-set.js';
import { journalPath, syncFolder } from './files.js';

interface Batch {
  lines: string[];
  changes: ChangeSet[];
  settle: { resolve: () => void; reject: (error: unknown) => void };
  done: Promise<void>;
}

/** Injected by the `failNextWrites` fault: the disk refused the write. */
export class InjectedWriteFailure extends Error {
  constructor() {
    super('injected persistence failure (fault failNextWrites)');
    this.name = 'InjectedWriteFailure';
  }
}

export class Journal {
  private handle: FileHandle | null = null;
  private path = '';
  /** Bytes of whole, synced lines in the current journal file. */
  private goodBytes = 0;
  /** Bytes actually in the file (more than goodBytes after a failed append). */
  private fileBytes = 0;
  private next: Batch | null = null;
  private chain: Promise<void> = Promise.resolve();
  /** Increases on every failed flush; a snapshot taken across a failure is not installed. */
  failures = 0;

  constructor(
    private readonly file: string,
    public generation: number,
    /** Undoes a failed write in memory (called newest first). */
    private readonly undo: (changes: ChangeSet) => void,
    /** Asked before each flush: true makes it fail as if the disk refused it (fault injection). */
    private readonly injectFailure: () => boolean = () => false,
  ) {}

  /** Opens (creating if needed) the current generation for appending, from `bytes` of whole lines. */
  async open(bytes: number): Promise<void> {
    this.path = journalPath(this.file, this.generation);
    this.handle = await open(this.path, 'a', 0o600);
    await syncFolder(this.file);
    this.goodBytes = this.fileBytes = bytes;
  }

  /** Size of the current journal file. */
  get bytes(): number {
    return this.goodBytes;
  }

  /** Appends a write's line; resolves once it is on disk, rejects (after undoing it) if it cannot be. */
  append(changes: ChangeSet): Promise<void> {
    if (!this.next) {
      let settle!: Batch['settle'];
      const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
      this.next = { lines: [], changes: [], settle, done };
      this.chain = this.chain.then(() => this.flush());
    }
    this.next.lines.push(changes.line);
    this.next.changes.push(changes);
    return this.next.done;
  }

  /** Runs `job` after the flushes queued so far and before later ones. */
  between<T>(job: () => Promise<T>): Promise<T> {
    const result = this.chain.then(job);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Starts the next generation: later appends go to a new file. Call through `between`. */
  async rotate(): Promise<void> {
    if (this.handle && this.fileBytes !== this.goodBytes) await this.handle.truncate(this.goodBytes).catch(() => undefined);
    await this.handle?.close();
    this.generation++;
    await this.open(0);
  }

  /** Waits for every queued flush and job, then closes the file. */
  async close(): Promise<void> {
    await this.between(async () => {
      await this.handle?.close();
      this.handle = null;
    });
  }

  private async flush(): Promise<void> {
    const batch = this.next;
    if (!batch) return;
    this.next = null;
    try {
      await this.write(batch.lines.join('\n') + '\n');
      batch.settle.resolve();
    } catch (error) {
      this.failures++;
      // Writes queued meanwhile were made on top of the failed ones: undo and refuse them too.
      const later = this.next as Batch | null;
      this.next = null;
      for (const failed of [later, batch]) {
        if (!failed) continue;
        for (const changes of [...failed.changes].reverse()) this.undo(changes);
        failed.settle.reject(error);
      }
    }
  }

  private async write(text: string): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error('the journal is closed');
    if (this.injectFailure()) throw new InjectedWriteFailure();
    // Appending to a file whose folder was removed would "succeed" into a nameless inode.
    const [onDisk, open] = await Promise.all([stat(this.path), handle.stat()]);
    if (onDisk.ino !== open.ino || onDisk.dev !== open.dev) throw new Error(`the journal ${this.path} was replaced or removed`);
    if (this.fileBytes !== this.goodBytes) {
      await handle.truncate(this.goodBytes);
      this.fileBytes = this.goodBytes;
    }
    const data = Buffer.from(text, 'utf8');
    this.fileBytes += data.length;
    for (let written = 0; written < data.length; ) {
      written += (await handle.write(data, written)).bytesWritten;
    }
    await handle.datasync();
    this.goodBytes = this.fileBytes;
  }
}
