/**
 * AvaTax error envelopes: `{"error":{code, message, target, details:[{code, number, message,
 * description, faultCode, helpLink, severity, refersTo?}]}}`. The official SDK rejects any
 * JSON body that has an `error` member, copying `code`, `message`, `target` and `details`.
 */

/** ErrorTargetCode names. */
export type ErrorTarget =
  | 'Unknown'
  | 'HttpRequest'
  | 'HttpRequestHeaders'
  | 'IncorrectData'
  | 'AvaTaxApiServer'
  | 'CustomerAccountSetup';

/** SeverityLevel names. */
export type Severity = 'Success' | 'Warning' | 'Error' | 'Exception';

interface CodeSpec {
  number: number;
  status: number;
  faultCode: 'Client' | 'Server';
  severity: Severity;
  target: ErrorTarget;
}

const client = (number: number, status = 400, target: ErrorTarget = 'IncorrectData'): CodeSpec => ({
  number,
  status,
  faultCode: 'Client',
  severity: 'Error',
  target,
});

/** Every error code the sandbox emits, with its AvaTax number and the HTTP status used. */
const CODES = {
  ValueRequiredError: client(5),
  // Not an error: AvaTax answers deletes with an ErrorDetail array holding this code.
  DeleteInformation: { number: 100, status: 200, faultCode: 'Client', severity: 'Success', target: 'Unknown' },
  EntityNotFoundError: client(4, 404, 'HttpRequest'),
  InvalidQueryField: client(17, 400, 'HttpRequest'),
  InvalidQueryValue: client(18, 400, 'HttpRequest'),
  AuthenticationException: { number: 30, status: 401, faultCode: 'Client', severity: 'Exception', target: 'HttpRequestHeaders' },
  BasicAuthIncorrect: { number: 35, status: 401, faultCode: 'Client', severity: 'Exception', target: 'HttpRequestHeaders' },
  ModelRequiredException: { number: 38, status: 400, faultCode: 'Client', severity: 'Exception', target: 'HttpRequest' },
  JsonFormatError: client(47, 400, 'HttpRequest'),
  UnhandledException: { number: 50, status: 500, faultCode: 'Server', severity: 'Exception', target: 'AvaTaxApiServer' },
  MalformedFilterException: client(182, 400, 'HttpRequest'),
  RangeError: client(6),
  MaxStringLengthError: client(14),
  EmailValidationError: client(15),
  DateFormatError: client(26),
  ModelStateInvalid: client(70),
  DateRangeError: client(80),
  InvalidCountry: client(125),
  InvalidCountryRegion: client(126),
  InvalidEnumValue: client(164),
  FieldNotQueryableError: client(1408, 400, 'HttpRequest'),
  CustomerCantBeBothShipToAndBillTo: client(1220),
  MissingAddress: client(304),
  InvalidParameterValue: client(306),
  InvalidAddress: client(309),
  MissingLine: client(311),
  DuplicateEntry: client(193),
  CertificatesError: client(1203),
  MissingRequiredFields: client(1204),
  CertificatesNotSetup: { number: 1205, status: 400, faultCode: 'Server', severity: 'Error', target: 'CustomerAccountSetup' },
  MissingExemptReason: client(1210),
  InvalidExemptReason: client(1211),
  InvalidExemptionOperation: client(1212, 400, 'HttpRequest'),
  ConflictingFields: client(1213),
  InvalidPdfOrImageFile: client(1214),
  InvalidCoverLetterTitle: client(1215),
  InvalidRequestContentType: client(1217, 400, 'HttpRequest'),
  ExemptionPaginationLimits: client(1218, 400, 'HttpRequest'),
  ExemptionSortLimits: client(1219, 400, 'HttpRequest'),
  ServiceNotReady: { number: 1718, status: 503, faultCode: 'Server', severity: 'Exception', target: 'AvaTaxApiServer' },
} satisfies Record<string, CodeSpec>;

/** An AvaTax `ErrorCodeId` name the sandbox can answer with. */
export type ErrorCode = keyof typeof CODES;

/** Optional parts of an error beyond code and message. */
export interface ErrorOptions {
  /** Longer explanation (AvaTax `description`). Defaults to the message. */
  description?: string;
  /** Field path the error refers to (AvaTax `refersTo`). */
  refersTo?: string;
  /** Overrides the HTTP status implied by the code. */
  status?: number;
  /** Overrides the target implied by the code. */
  target?: ErrorTarget;
}

/** Thrown by route handlers; the HTTP layer turns it into an envelope. */
export class AvaTaxError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly options: ErrorOptions;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message);
    this.name = 'AvaTaxError';
    this.code = code;
    this.options = options;
    this.status = options.status ?? CODES[code].status;
  }

  /** The JSON body AvaTax would send. */
  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.code, this.message, this.options);
  }
}

/** Wire shape of an AvaTax error answer. */
export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    target: ErrorTarget;
    details: Array<{
      code: string;
      number: number;
      message: string;
      description: string;
      faultCode: 'Client' | 'Server';
      helpLink: string;
      refersTo?: string;
      severity: Severity;
    }>;
  };
}

/** One AvaTax ErrorDetail. */
export type ErrorDetail = ErrorEnvelope['error']['details'][number];

/** Builds an envelope for `code`. */
export function errorEnvelope(code: ErrorCode, message: string, options: ErrorOptions = {}): ErrorEnvelope {
  const spec: CodeSpec = CODES[code];
  return { error: { code, message, target: options.target ?? spec.target, details: [errorDetail(code, message, options)] } };
}

/** The ErrorDetail AvaTax writes for `code`. */
export function errorDetail(code: ErrorCode, message: string, options: ErrorOptions = {}): ErrorDetail {
  const spec: CodeSpec = CODES[code];
  const detail: ErrorDetail = {
    code,
    number: spec.number,
    message,
    description: options.description ?? message,
    faultCode: spec.faultCode,
    helpLink: `http://developer.avalara.com/avatax/errors/${code}`,
    severity: spec.severity,
  };
  if (options.refersTo) detail.refersTo = options.refersTo;
  return detail;
}

/**
 * The body of a successful delete: AvaTax answers DeleteCertificate (and DeleteCustomer) with
 * an ErrorDetail array, not the deleted model (the .NET SDK's DeleteCertificate returns
 * List<ErrorDetail>; avadev/AvaTax-REST-V2-DotNet-SDK issues #113 and #227 show a JSON array).
 * Its content is UNCONFIRMED; the sandbox writes one DeleteInformation detail (code 100,
 * severity Success), worded as AvaTax's DeleteInformation error page.
 */
export function deleteInformation(entity: string, id: string | number): ErrorDetail[] {
  return [
    errorDetail('DeleteInformation', `${entity} ${id} was deleted.`, {
      description: `The ${entity} ${id} (#${id}) was deleted.`,
    }),
  ];
}

/** 404 EntityNotFoundError for one entity, worded as AvaTax does. */
export function notFound(entity: string, field: string, value: string | number): AvaTaxError {
  return new AvaTaxError('EntityNotFoundError', `${entity} not found.`, {
    description: `The ${entity} with ${field} '${value}' was not found.`,
  });
}

/** 1204 MissingRequiredFields for one field. */
export function missingField(field: string): AvaTaxError {
  return new AvaTaxError('MissingRequiredFields', `The field ${field} is missing.`, { refersTo: field });
}
