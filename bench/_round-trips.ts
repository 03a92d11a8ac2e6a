/** Longest chain of requests in which each one started after the previous one had finished. */
export function sequentialRoundTrips(spans: ReadonlyArray<{ start: number; end: number }>): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((span, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= span.start) before = Math.max(before, depth[j]!);
    depth[i] = before + 1;
  });
  return Math.max(0, ...depth);
}
