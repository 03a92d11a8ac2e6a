/**
 * The link as an absolute URL when it is safe to put in an `href`: `https:`, or `http:` on a
 * loopback host (the local sandbox). Anything else (`javascript:`, `data:`, relative, garbage) → null.
 */
export function safeLink(link: unknown): string | null {
  if (typeof link !== 'string') return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname));
  return ok ? url.href : null;
}
