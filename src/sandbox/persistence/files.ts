/**
 * Names and housekeeping of the files behind `--data FILE`: FILE is the snapshot,
 * `FILE.journal-G` the journals (G = generation, replayed in order from the snapshot's
 * generation on), `.FILE.PID.tmp` a snapshot being written (renamed over FILE when whole).
 */
import { open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function journalPath(file: string, generation: number): string {
  return `${file}.journal-${generation}`;
}

export function temporaryPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Generations of the journals that exist next to `file`, ascending. */
export async function journalGenerations(file: string): Promise<number[]> {
  const pattern = new RegExp(`^${escape(basename(file))}\\.journal-(\\d{1,9})$`);
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  return names
    .map((name) => pattern.exec(name)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Removes temporary files left by interrupted snapshot writes (any process id). */
export async function removeLeftoverTemporaries(file: string): Promise<string[]> {
  const pattern = new RegExp(`^\\.${escape(basename(file))}\\.\\d+\\.tmp$`);
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => pattern.test(n))) {
    await unlink(join(dirname(file), name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** Makes a rename or a new file in the folder durable. */
export async function syncFolder(file: string): Promise<void> {
  const folder = await open(dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
