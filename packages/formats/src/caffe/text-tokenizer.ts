/** Tokenizer of the protobuf text format: identifiers, numbers (hex, exponents, inf/nan), quoted strings with escapes, punctuation, '#' comments. */
import { caffeError } from './errors.js';

/** One token with its 1-based line and column. */
export interface Token {
  kind: 'ident' | 'number' | 'string' | 'punct' | 'eof';
  /** The source text (for strings: the decoded value). */
  text: string;
  /** Numeric value of a number token. */
  value: number;
  line: number;
  column: number;
  offset: number;
}

const PUNCT = new Set(['{', '}', '[', ']', '<', '>', ':', ',', ';', '-', '/', '.']);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c);
const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Splits prototxt source into tokens on demand. */
export class Tokenizer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly src: string) {}

  /** The next token (an 'eof' token at the end, forever). */
  next(): Token {
    this.skipSpaceAndComments();
    const s = this.src;
    const start = this.pos;
    const at = { line: this.line, column: start - this.lineStart + 1, offset: start };
    if (start >= s.length) return { kind: 'eof', text: '', value: 0, ...at };
    const c = s[start]!;
    if (c === '"' || c === "'") return { kind: 'string', text: this.quoted(c, at), value: 0, ...at };
    if (isDigit(c) || (c === '.' && isDigit(s[start + 1] ?? ''))) return this.number(at);
    if (isIdentStart(c)) {
      let end = start + 1;
      while (end < s.length && isIdentPart(s[end]!)) end++;
      this.pos = end;
      return { kind: 'ident', text: s.slice(start, end), value: 0, ...at };
    }
    if (PUNCT.has(c)) {
      this.pos++;
      return { kind: 'punct', text: c, value: 0, ...at };
    }
    throw caffeError(`unexpected character ${JSON.stringify(c)}`, at);
  }

  private skipSpaceAndComments(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xfeff) {
        this.pos++;
      } else if (c === 35 /* # */) {
        while (this.pos < s.length && s.charCodeAt(this.pos) !== 10) this.pos++;
      } else {
        break;
      }
    }
  }

  private number(at: { line: number; column: number; offset: number }): Token {
    const s = this.src;
    let end = this.pos;
    let value: number;
    if (s[end] === '0' && (s[end + 1] === 'x' || s[end + 1] === 'X')) {
      end += 2;
      while (end < s.length && /[0-9a-fA-F]/.test(s[end]!)) end++;
      value = parseInt(s.slice(this.pos + 2, end), 16);
    } else {
      while (end < s.length && isDigit(s[end]!)) end++;
      if (s[end] === '.') {
        end++;
        while (end < s.length && isDigit(s[end]!)) end++;
      }
      if (s[end] === 'e' || s[end] === 'E') {
        let e = end + 1;
        if (s[e] === '+' || s[e] === '-') e++;
        if (isDigit(s[e] ?? '')) {
          while (e < s.length && isDigit(s[e]!)) e++;
          end = e;
        }
      }
      value = Number(s.slice(this.pos, end));
      if (s[end] === 'f' || s[end] === 'F') end++; // C-style float suffix: '1.5f'
    }
    if (end < s.length && isIdentPart(s[end]!)) {
      throw caffeError(`malformed number '${s.slice(this.pos, end + 1)}'`, at);
    }
    if (Number.isNaN(value)) throw caffeError(`malformed number '${s.slice(this.pos, end)}'`, at);
    const text = s.slice(this.pos, end);
    this.pos = end;
    return { kind: 'number', text, value, ...at };
  }

  private quoted(quote: string, at: { line: number; column: number; offset: number }): string {
    const s = this.src;
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      if (i >= s.length || s[i] === '\n') throw caffeError('unterminated string', at);
      const c = s[i]!;
      if (c === quote) break;
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = s[i + 1] ?? '';
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'x' || e === 'X') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2, i + 4));
        if (!m) throw caffeError('bad \\x escape in string', at);
        out += String.fromCharCode(parseInt(m[0], 16));
        i += 2 + m[0].length;
      } else if (e >= '0' && e <= '7') {
        const m = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))!;
        out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
        i += 1 + m[0].length;
      } else if (e === 'u' || e === 'U') {
        const n = e === 'u' ? 4 : 8;
        const hex = s.slice(i + 2, i + 2 + n);
        const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? parseInt(hex, 16) : NaN;
        if (!(cp <= 0x10ffff)) throw caffeError(`bad \\${e} escape in string`, at);
        out += String.fromCodePoint(cp);
        i += 2 + n;
      } else {
        throw caffeError(`unknown escape '\\${e}' in string`, at);
      }
    }
    this.pos = i + 1;
    return out;
  }
}
