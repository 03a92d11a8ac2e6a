// The shared table of texts every element reads (its type only: each language is a module of
// its own, see `i18n.ts`, typed by it so that none can miss a key).

/**
 * The shared strings of one language (each locale module is typed by it, so none can miss a
 * key). `{name}` marks a value the element fills in; dates and numbers come formatted by `Intl`.
 */
export interface Strings {
  loading: string;
  exempt: string;
  expiring: string;
  pending: string;
  expired: string;
  invalid: string;
  missing: string;
  /** Label in list mode: `{count}` certificates. */
  list: string;
  /** A certificate's line in list mode: `{zone}` and its `{status}`. */
  zoneStatus: string;
  /** `{reason}`: the exemption reason's name. */
  reason: string;
  /** `{date}` more than 30 days ahead. */
  expiresOn: string;
  /** `{when}` ("in 12 days", "tomorrow", "today") and `{date}`, within 30 days. */
  expiresIn: string;
  /** `{date}` in the past. */
  expiredOn: string;
  noEnd: string;
  /** The name of an AvaTax exemption reason by its code (`reason:RESALE`); a code not named is shown as it is. */
  [reason: `reason:${string}`]: string;
  'signed-out': string;
  'not-allowed': string;
  error: string;
  config: string;
  /** The service cannot be reached or is busy (shown with a retry). */
  offline: string;
  /** A failure trying again would not mend (shown without a retry). */
  failed: string;
  retry: string;
  request: string;
  /** An invitation being created, and an email or fax one until it went out. */
  creating: string;
  /** A Download invitation's form being built. */
  preparing: string;
  slow: string;
  ready: string;
  open: string;
  newTab: string;
  sent: string;
  choose: string;
  view: string;
}
