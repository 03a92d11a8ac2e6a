import { z } from 'zod';

/** ISO 3166-1 alpha-2 country, upper-cased. */
export const countrySchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US'));

/** ISO 3166-2 subdivision code without the country (WA, ON), upper-cased. */
export const regionSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{1,3}$/, 'must be a region code such as WA'));
