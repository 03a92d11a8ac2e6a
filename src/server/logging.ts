import { pino, type Logger } from 'pino';

/** Paths pino blanks out wherever they appear in a log record. */
export const REDACT_PATHS = [
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'licenseKey',
  '*.licenseKey',
  '*.*.licenseKey',
  'password',
  '*.password',
];

/**
 * The companion's logger: the host's pino logger (as a child with our redaction), a silent
 * one for `false`, or a JSON logger on stdout. The companion never logs request bodies,
 * headers or tokens; redaction is the second line of defence.
 */
export function createLogger(configured: Logger | false | undefined): Logger {
  const redact = { paths: REDACT_PATHS, censor: '[redacted]' };
  if (configured === false) return pino({ enabled: false });
  if (configured) return configured.child({ component: 'cert-elements' }, { redact });
  return pino({ name: 'cert-elements', level: 'info', redact });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `X-Request-Id` when it is a sane token, else a fresh one. */
export function requestIdFrom(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
