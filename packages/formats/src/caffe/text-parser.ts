/** Recursive-descent parser of the protobuf text format into a PbMessage tree (schema-free; depth-limited). */
import { caffeError, type Where } from './errors.js';
import { PbMessage, type PbValue } from './message.js';
import { Tokenizer, type Token } from './text-tokenizer.js';

/** Deepest nesting accepted: real prototxts nest 3–4 levels; this bounds recursion on hostile input. */
export const MAX_TEXT_DEPTH = 100;

class Parser {
  private tok: Token;
  private readonly lexer: Tokenizer;

  constructor(src: string) {
    this.lexer = new Tokenizer(src);
    this.tok = this.lexer.next();
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  private is(text: string): boolean {
    return this.tok.kind === 'punct' && this.tok.text === text;
  }

  /** Fields until `close` ('}' or '>'), or until the end of input for the top level. */
  message(close: string | null, depth: number, where: Where): PbMessage {
    if (depth > MAX_TEXT_DEPTH)
      throw caffeError(`messages nested deeper than ${MAX_TEXT_DEPTH} levels`, where);
    const msg = new PbMessage(where);
    for (;;) {
      if (this.tok.kind === 'eof') {
        if (close !== null) throw caffeError(`expected '${close}' before the end of the file`, at(this.tok));
        return msg;
      }
      if (close !== null && this.is(close)) {
        this.advance();
        return msg;
      }
      this.field(msg, depth);
    }
  }

  private fieldName(): Token {
    const t = this.tok;
    if (t.kind === 'ident') return this.advance();
    if (this.is('[')) {
      // Extension or Any type URL: [pkg.ext] or [type.googleapis.com/pkg.Msg]
      this.advance();
      let name = '';
      while (!this.is(']')) {
        if (this.tok.kind === 'eof') throw caffeError(`unterminated extension name`, at(t));
        name += this.advance().text;
      }
      this.advance();
      return { ...t, kind: 'ident', text: `[${name}]` };
    }
    throw caffeError(`expected a field name, found ${show(t)}`, at(t));
  }

  private field(msg: PbMessage, depth: number): void {
    const name = this.fieldName();
    const where = at(name);
    const colon = this.is(':');
    if (colon) this.advance();
    if (colon && this.is('[')) {
      this.advance();
      while (!this.is(']')) {
        const v = this.value(depth, where, true);
        msg.fields.push({ name: name.text, value: v.value, where: v.where });
        if (this.is(',')) this.advance();
        else if (!this.is(']'))
          throw caffeError(`expected ',' or ']' in a list, found ${show(this.tok)}`, at(this.tok));
      }
      this.advance();
    } else {
      if (!colon && !this.is('{') && !this.is('<')) {
        throw caffeError(`expected ':' or '{' after '${name.text}', found ${show(this.tok)}`, at(this.tok));
      }
      const v = this.value(depth, where, colon);
      msg.fields.push({ name: name.text, value: v.value, where });
    }
    if (this.is(',') || this.is(';')) this.advance();
  }

  private value(depth: number, fieldWhere: Where, scalarAllowed: boolean): { value: PbValue; where: Where } {
    const t = this.tok;
    const where = at(t);
    if (this.is('{') || this.is('<')) {
      this.advance();
      return { value: this.message(t.text === '{' ? '}' : '>', depth + 1, fieldWhere), where };
    }
    if (!scalarAllowed) throw caffeError(`expected '{', found ${show(t)}`, where);
    if (t.kind === 'string') {
      let s = this.advance().text;
      while (this.tok.kind === 'string') s += this.advance().text; // adjacent literals concatenate
      return { value: s, where };
    }
    if (this.is('-')) {
      this.advance();
      const n = this.tok;
      if (n.kind === 'number') return { value: -this.advance().value, where };
      if (n.kind === 'ident' && /^(inf|infinity|nan)$/i.test(n.text))
        return { value: `-${this.advance().text}`, where };
      throw caffeError(`expected a number after '-', found ${show(n)}`, at(n));
    }
    if (t.kind === 'number') return { value: this.advance().value, where };
    if (t.kind === 'ident') return { value: this.advance().text, where };
    throw caffeError(`expected a value, found ${show(t)}`, where);
  }
}

function at(t: Token): Where {
  return { line: t.line, column: t.column };
}

function show(t: Token): string {
  if (t.kind === 'eof') return 'the end of the file';
  if (t.kind === 'string') return `string ${JSON.stringify(t.text.slice(0, 30))}`;
  return `'${t.text.slice(0, 30)}'`;
}

/** Parses a whole text-format message. Throws a located ModelFormatError on syntax errors. */
export function parseTextFormat(src: string): PbMessage {
  return new Parser(src).message(null, 0, { line: 1, column: 1 });
}
