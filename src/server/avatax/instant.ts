/** Milliseconds of an AvaTax timestamp; one without a zone is UTC. NaN when unreadable. */
export function instantMs(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || value.length <= 10 ? value : `${value}Z`);
}
