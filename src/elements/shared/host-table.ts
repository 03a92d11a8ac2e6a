import { hosts, primary, type HostStrings } from './i18n.js';

// Kept apart from i18n.ts: only the lazily loaded parts and the staff elements read their tables
// through it, so the storefront bundle does not carry it.

/**
 * The table `table` of one part for `lang`: its own language's (English when the part has
 * none) with what the host defined over it (`defineStrings`).
 */
export const hostTable = <T extends object>(lang: string, table: keyof HostStrings, builtIn: Record<string, T>): T =>
  ({ ...(builtIn[primary(lang)] ?? builtIn['en']), ...hosts[primary(lang)]?.[table] }) as T;
