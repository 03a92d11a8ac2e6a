/** Calendar-day helpers. Certificate dates are UTC calendar days written `YYYY-MM-DD`. */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `day` moved by `days` (may be negative). */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** True for a real calendar day in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && utcDay(parsed) === value;
}

/**
 * Reads a date as AvaTax accepts it on input: `YYYY-MM-DD` or an ISO timestamp, whose
 * calendar day is kept. Returns null when the value is not a date.
 */
export function parseInputDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const day = trimmed.slice(0, 10);
  if (!isCalendarDay(day)) return null;
  if (trimmed.length === 10) return day;
  return /^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(trimmed.slice(10)) ? day : null;
}
