import { hosts, primary } from './i18n.js';

// Kept apart from i18n.ts: only the lazily loaded parts and the staff elements read their tables
// through it, so the storefront bundle does not carry it.

/**
 * The table `table` of one part for `lang`: its own language's (English when the part has
 * none) with what the host defined over it (`defineStrings`, `HostStrings` in `../strings.ts`).
 */
export const hostTable = <T extends object>(lang: string, table: 'request' | 'options' | 'lookup' | 'upload' | 'document', builtIn: Record<string, T>): T =>
  ({ ...(builtIn[primary(lang)] ?? builtIn['en']), ...hosts[primary(lang)]?.[table] }) as T;
