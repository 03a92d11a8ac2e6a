/**
 * Snapshots (format version 2): JSON lines — a header (format, version, generation, seed
 * day, provisioning, next ids), one line per record (`{"customer":{…}}`, `{"certificate":…}`,
 * `{"invitation":…}`), and a trailer with the counts, so a cut-short file is recognised.
 * Written in slices to a temporary file while requests go on (each slice is one short
 * synchronous step), synced, then renamed over the data file by the caller.
 */
import { open, rename, unlink } from 'node:fs/promises';
import type { AnyRecord, RecordKind } from '../store/change-set.js';
import type { Store, StoreMeta } from '../store/store.js';
import { DataFileError } from './data-file-error.js';
import { FORMAT, RECORD_CHECKS } from './legacy.js';
import { readLines } from './lines.js';
import { syncFolder, temporaryPath } from './files.js';

export const SNAPSHOT_VERSION = 2;
const KINDS: readonly RecordKind[] = ['customer', 'certificate', 'invitation'];
const SLICE_BYTES = 1_048_576;

export interface SnapshotHeader extends StoreMeta {
  format: typeof FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** Journals from this generation on apply on top of this snapshot. */
  generation: number;
}

/** The snapshot was abandoned (the sandbox is closing). */
export class SnapshotAborted extends Error {}

/**
 * Writes `store` as the snapshot of `generation` to FILE (through a temporary file that is
 * renamed only when `beforeInstall` agrees). Returns its size in bytes.
 */
export async function writeSnapshot(
  file: string,
  store: Store,
  generation: number,
  options: { stopped?: () => boolean; beforeInstall?: (install: () => Promise<void>) => Promise<void> } = {},
): Promise<number> {
  const temporary = temporaryPath(file);
  const handle = await open(temporary, 'w', 0o600);
  let bytes = 0;
  try {
    const header: SnapshotHeader = { format: FORMAT, version: SNAPSHOT_VERSION, generation, ...store.snapshotMeta() };
    let slice = `${JSON.stringify(header)}\n`;
    const counts: Record<RecordKind, number> = { customer: 0, certificate: 0, invitation: 0 };
    const flush = async () => {
      await handle.write(slice);
      bytes += Buffer.byteLength(slice);
      slice = '';
      if (options.stopped?.()) throw new SnapshotAborted('the sandbox is closing');
    };
    for (const kind of KINDS) {
      for (const record of store.records(kind)) {
        slice += `${JSON.stringify({ [kind]: record })}\n`;
        counts[kind]++;
        if (slice.length >= SLICE_BYTES) await flush();
      }
    }
    slice += `${JSON.stringify({ end: counts })}\n`;
    await flush();
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  const install = async () => {
    await rename(temporary, file);
    await syncFolder(file);
  };
  try {
    await (options.beforeInstall ? options.beforeInstall(install) : install());
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return bytes;
}

/** True when the first line of `head` is a version-2 snapshot header. */
export function looksLikeSnapshot(head: Buffer): boolean {
  const newline = head.indexOf(10);
  if (newline < 0) return false;
  try {
    const header = JSON.parse(head.subarray(0, newline).toString('utf8')) as Partial<SnapshotHeader>;
    return header.format === FORMAT && header.version === SNAPSHOT_VERSION;
  } catch {
    return false;
  }
}

/** Reads a snapshot into `makeStore(header)`'s store; throws DataFileError on any damage. */
export async function readSnapshot(file: string, makeStore: (header: SnapshotHeader) => Store): Promise<{ store: Store; header: SnapshotHeader }> {
  let header: SnapshotHeader | null = null;
  let store: Store | null = null;
  let trailer: Record<RecordKind, number> | null = null;
  const counts: Record<RecordKind, number> = { customer: 0, certificate: 0, invitation: 0 };
  const damaged = (number: number, why: string) => new DataFileError(file, `line ${number} ${why}`);
  const { tailBytes } = await readLines(file, (line, number) => {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw damaged(number, 'is not valid JSON');
    }
    if (number === 1) {
      header = value as unknown as SnapshotHeader;
      if (!Number.isInteger(header.generation) || typeof header.seedDay !== 'string' || !header.nextIds || !header.provision) {
        throw damaged(1, 'is not a snapshot header');
      }
      store = makeStore(header);
      return;
    }
    if (trailer) throw damaged(number, 'follows the end of the snapshot');
    if ('end' in value) {
      trailer = value.end as Record<RecordKind, number>;
      return;
    }
    const kind = KINDS.find((k) => k in value);
    const record = kind ? (value[kind] as Record<string, unknown>) : undefined;
    const check = kind ? RECORD_CHECKS[`${kind}s`] : undefined;
    if (!kind || !record || typeof record !== 'object' || !check?.(record)) throw damaged(number, 'is not a usable record');
    (store as Store | null)?.load(kind, record as unknown as AnyRecord);
    counts[kind]++;
  });
  const end = trailer as Record<RecordKind, number> | null;
  if (!header || !store) throw new DataFileError(file, 'the snapshot is empty');
  if (tailBytes > 0 || !end || KINDS.some((k) => end[k] !== counts[k])) {
    throw new DataFileError(file, 'the snapshot is incomplete (it has no matching end line)');
  }
  return { store, header };
}
