/**
 * A small explicit router: `METHOD /literal/:param/...` patterns matched segment by segment
 * on the raw path. Splitting before percent-decoding keeps an encoded `/` (`%2F`) inside
 * one parameter, which customer codes need.
 */

export type RouteMatch<H> =
  | { kind: 'found'; handler: H; pattern: string; params: Record<string, string> }
  | { kind: 'method-not-allowed'; pattern: string }
  | { kind: 'none' };

interface Route<H> {
  method: string;
  pattern: string;
  segments: string[];
  handler: H;
}

/** A route parameter was not valid percent-encoding. */
export class BadPathError extends Error {
  constructor(readonly segment: string) {
    super(`The path segment '${segment}' is not valid percent-encoding.`);
    this.name = 'BadPathError';
  }
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  /** Registers a route. Literal segments win over parameters regardless of order. */
  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, pattern, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, rawPath: string): RouteMatch<H> {
    const parts = rawPath.split('/').filter(Boolean);
    let best: { route: Route<H>; score: number } | null = null;
    let otherMethod: Route<H> | null = null;
    for (const route of this.routes) {
      const score = this.score(route.segments, parts);
      if (score < 0) continue;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
        otherMethod ??= route;
        continue;
      }
      if (!best || score > best.score) best = { route, score };
    }
    if (!best) return otherMethod ? { kind: 'method-not-allowed', pattern: otherMethod.pattern } : { kind: 'none' };
    const params: Record<string, string> = {};
    best.route.segments.forEach((segment, i) => {
      if (segment.startsWith(':')) params[segment.slice(1)] = decodeSegment(parts[i] as string);
    });
    return { kind: 'found', handler: best.route.handler, pattern: best.route.pattern, params };
  }

  /** -1 when the route does not fit; otherwise the number of literal segments matched. */
  private score(segments: string[], parts: string[]): number {
    if (segments.length !== parts.length) return -1;
    let literals = 0;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (segment.startsWith(':')) continue;
      if (segment.toLowerCase() !== (parts[i] as string).toLowerCase()) return -1;
      literals++;
    }
    return literals;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadPathError(segment);
  }
}
