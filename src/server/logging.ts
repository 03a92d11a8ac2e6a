/**
 * What the companion logs through: pino's calling shape, `logger.info(record, message)`. A pino
 * logger, `console`, or any object with these three methods fits; with `child` (pino, bunyan)
 * the companion's lines carry `component: "cert-elements"`.
 */
export interface Logger {
  info(record: object, message: string): void;
  warn(record: object, message: string): void;
  error(record: object, message: string): void;
}

/** A host's logger as `createCertServer({ logger })` takes it. */
export type HostLogger = Logger & { child?(bindings: Record<string, unknown>): Logger };

/** Keys blanked out wherever they appear in a log record (any case). */
export const REDACTED_KEYS = ['authorization', 'token', 'secret', 'licensekey', 'password'];

const CENSOR = '[redacted]';

/** A copy of `value` with every redacted key censored, a few levels deep (records are small). */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.includes(key.toLowerCase()) ? CENSOR : redact(item, depth + 1);
  }
  return out;
}

const LEVELS = { info: 30, warn: 40, error: 50 } as const;

/**
 * The default: one JSON line per record on standard output through `console`, with pino's
 * field names and level numbers, so it runs wherever the companion does (Node, workerd) without
 * a Node-only module.
 */
export function consoleJsonLogger(name = 'cert-elements'): Logger {
  const write = (level: keyof typeof LEVELS) => (record: object, msg: string) =>
    console.log(JSON.stringify({ level: LEVELS[level], time: Date.now(), name, ...record, msg }));
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

const silent: Logger = { info() {}, warn() {}, error() {} };

/** Whether the logger is the silence of `logger: false` (work done only for log lines can be skipped). */
export const isSilent = (logger: Logger): boolean => logger === silent;

/**
 * The companion's logger: the host's (a child of it when it has `child`), silence for `false`,
 * or {@link consoleJsonLogger}. Every record is redacted before it reaches the host's logger:
 * the companion never logs request bodies, headers or tokens, and redaction is the second line
 * of defence.
 */
export function createLogger(configured: HostLogger | false | undefined): Logger {
  if (configured === false) return silent;
  const target = configured ? (configured.child?.({ component: 'cert-elements' }) ?? configured) : consoleJsonLogger();
  return {
    info: (record, msg) => target.info(redact(record) as object, msg),
    warn: (record, msg) => target.warn(redact(record) as object, msg),
    error: (record, msg) => target.error(redact(record) as object, msg),
  };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `X-Request-Id` when it is a sane token, else a fresh one. */
export function requestIdFrom(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
