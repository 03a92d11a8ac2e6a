/**
 * Validation errors for request fields, each with the ErrorCodeId AvaTax has for that
 * fault today (the old catch-all CertificatesFieldInvalid, 1202, left ErrorCodeId in 2018).
 * Messages follow the wording of AvaTax's error pages; every one refers to the field.
 */
import { AvaTaxError } from './errors.js';

/** The value has the wrong JSON type (ModelStateInvalid, 70). */
export function wrongType(field: string, expected: string): AvaTaxError {
  return new AvaTaxError('ModelStateInvalid', 'Invalid JSON object.', {
    description: `The request body does not represent a valid JSON object. The value of '${field}' is not ${expected}.`,
    refersTo: field,
  });
}

/** A well-typed value AvaTax would not accept, e.g. an unknown reference (InvalidParameterValue, 306). */
export function invalidValue(field: string, why: string): AvaTaxError {
  return new AvaTaxError('InvalidParameterValue', `The value of '${field}' is invalid.`, { description: why, refersTo: field });
}

/** DateFormatError (26). */
export function invalidDate(field: string): AvaTaxError {
  return new AvaTaxError('DateFormatError', 'Dates are only recognized in ISO 8601 format.', {
    description: `The field '${field}' was not recognized as a valid date value. Valid dates are in the ISO 8601 format.`,
    refersTo: field,
  });
}

/** DateRangeError (80): an end before its start. */
export function invalidDateRange(field: string, start: string, end: string): AvaTaxError {
  return new AvaTaxError('DateRangeError', 'Invalid date range.', {
    description: `The effective date, ${start}, is later than the end date, ${end}.`,
    refersTo: field,
  });
}

/** RangeError (6). */
export function outOfRange(field: string, min: number, max: number): AvaTaxError {
  return new AvaTaxError('RangeError', `Field ${field} is out of bounds.`, { description: `${field} is expected to be between ${min} and ${max}.`, refersTo: field });
}

/** EmailValidationError (15). */
export function invalidEmail(field: string, value: string): AvaTaxError {
  return new AvaTaxError('EmailValidationError', 'Invalid email address.', {
    description: `The specified email address '${value}' was not valid.`,
    refersTo: field,
  });
}

/** InvalidCountry (125). */
export function invalidCountry(field: string, value: string): AvaTaxError {
  return new AvaTaxError('InvalidCountry', `The country '${value}' is not a recognized country code.`, { refersTo: field });
}

/** InvalidCountryRegion (126). */
export function invalidRegion(field: string, country: string, region: string): AvaTaxError {
  return new AvaTaxError('InvalidCountryRegion', 'Invalid country and region combination.', {
    description: `The region '${region}' is not a recognized region within country '${country}'.`,
    refersTo: field,
  });
}

/** MaxStringLengthError (14). */
export function tooLong(field: string, max: number): AvaTaxError {
  return new AvaTaxError('MaxStringLengthError', `Field '${field}' has an invalid length.`, {
    description: `Field '${field}' must be no more than ${max} characters in length.`,
    refersTo: field,
  });
}

/** InvalidEnumValue (164). */
export function invalidEnum(field: string, value: unknown, allowed: readonly string[]): AvaTaxError {
  return new AvaTaxError('InvalidEnumValue', `The field '${field}' has an incorrect value.`, {
    description: `The value '${String(value)}' for the field '${field}' is invalid. Acceptable values are: ${allowed.join(', ')}.`,
    refersTo: field,
  });
}
