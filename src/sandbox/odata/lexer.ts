/** Splits a `$filter` expression into words, strings, numbers and symbols. */
import { AvaTaxError } from '../errors.js';

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/;

/** A MalformedFilterException naming what is wrong. */
export function malformed(why: string): AvaTaxError {
  return new AvaTaxError('MalformedFilterException', `The $filter expression is malformed: ${why}.`);
}

export type Token =
  | { type: 'word'; text: string }
  | { type: 'string'; text: string }
  | { type: 'number'; value: number }
  | { type: 'symbol'; text: string };

/** Tokenises `source`; throws MalformedFilterException on an unclosed string or a stray character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw malformed('a quoted string is not closed');
        if (source[i] === ch) {
          if (source[i + 1] === ch) {
            text += ch;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ type: 'string', text });
    } else if ('()=,'.includes(ch)) {
      tokens.push({ type: 'symbol', text: ch });
      i++;
    } else if ('<>!'.includes(ch)) {
      const two = source.slice(i, i + 2);
      const text = ['<=', '>=', '<>', '!='].includes(two) ? two : ch;
      if (text === '!') throw malformed("'!' must be followed by '='");
      tokens.push({ type: 'symbol', text });
      i += text.length;
    } else if (/[-\d]/.test(ch)) {
      const date = DATE_LIKE.exec(source.slice(i));
      if (date) {
        tokens.push({ type: 'string', text: date[0] });
        i += date[0].length;
        continue;
      }
      const number = /^-?\d+(\.\d+)?/.exec(source.slice(i));
      if (!number) throw malformed(`unexpected '${ch}' at position ${i + 1}`);
      tokens.push({ type: 'number', value: Number(number[0]) });
      i += number[0].length;
    } else if (/[A-Za-z_@]/.test(ch)) {
      const word = /^[A-Za-z_@][\w.]*/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'word', text: word[0] });
      i += word[0].length;
    } else {
      throw malformed(`unexpected '${ch}' at position ${i + 1}`);
    }
  }
  return tokens;
}

