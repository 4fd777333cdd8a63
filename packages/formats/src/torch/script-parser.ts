/** Parses TorchScript's serialized Python (the .py files under code/): classes, methods and straight-line statements. */
import type { Expr, Method, ScriptClass, Stmt } from './script-ast.js';

/** Deepest expression nesting accepted. */
const MAX_EXPR_DEPTH = 100;

class SyntaxFail extends Error {}

interface Tok {
  t: 'name' | 'num' | 'str' | 'op' | 'end';
  v: string;
}

const OPS = [
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '->',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  ':',
  '<',
  '>',
  '@',
  '~',
  '&',
  '|',
  '^',
];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') break;
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const num = /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(src.slice(i, i + 64));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const e = src[j + 1]!;
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new SyntaxFail('unterminated string');
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new SyntaxFail(`unexpected '${c}'`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  out.push({ t: 'end', v: '' });
  return out;
}

class ExprParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private eat(v: string): void {
    if (!this.isOp(v)) throw new SyntaxFail(`expected '${v}'`);
    this.i++;
  }
  atEnd(): boolean {
    return this.peek().t === 'end';
  }

  expr(): Expr {
    if (++this.depth > MAX_EXPR_DEPTH) throw new SyntaxFail('expression nested too deeply');
    try {
      return this.comparison();
    } finally {
      this.depth--;
    }
  }

  private comparison(): Expr {
    let a = this.additive();
    while (['==', '!=', '<', '>', '<=', '>='].some((o) => this.isOp(o))) {
      const op = this.next().v;
      a = { k: 'binop', op, a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().v;
      a = { k: 'binop', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (['*', '/', '//', '%', '@'].some((o) => this.isOp(o))) {
      const op = this.next().v;
      a = { k: 'binop', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('~')) {
      const op = this.next().v;
      return { k: 'unary', op, x: this.unary() };
    }
    if (this.peek().t === 'name' && this.peek().v === 'not') {
      this.next();
      return { k: 'unary', op: 'not', x: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const n = this.next();
        if (n.t !== 'name') throw new SyntaxFail('expected an attribute name');
        e = { k: 'attr', obj: e, name: n.v };
      } else if (this.isOp('(')) {
        this.next();
        const args: Expr[] = [];
        const kwargs: [string, Expr][] = [];
        while (!this.isOp(')')) {
          const t = this.peek();
          if (t.t === 'name' && this.toks[this.i + 1]?.t === 'op' && this.toks[this.i + 1]?.v === '=') {
            this.i += 2;
            kwargs.push([t.v, this.expr()]);
          } else args.push(this.expr());
          if (!this.isOp(')')) this.eat(',');
        }
        this.next();
        e = { k: 'call', fn: e, args, kwargs };
      } else if (this.isOp('[')) {
        this.next();
        const index = this.expr();
        this.eat(']');
        e = { k: 'index', obj: e, index };
      } else return e;
    }
  }

  private atom(): Expr {
    const t = this.next();
    if (t.t === 'num') return { k: 'num', v: Number(t.v) };
    if (t.t === 'str') {
      let v = t.v;
      while (this.peek().t === 'str') v += this.next().v;
      return { k: 'str', v };
    }
    if (t.t === 'name') {
      if (t.v === 'None') return { k: 'const', v: null };
      if (t.v === 'True' || t.v === 'False') return { k: 'const', v: t.v === 'True' };
      return { k: 'name', id: t.v };
    }
    if (t.t === 'op' && (t.v === '[' || t.v === '(')) {
      const close = t.v === '[' ? ']' : ')';
      const items: Expr[] = [];
      let comma = false;
      while (!this.isOp(close)) {
        items.push(this.expr());
        if (this.isOp(',')) {
          this.next();
          comma = true;
        } else break;
      }
      this.eat(close);
      if (close === ']') return { k: 'list', items };
      return items.length === 1 && !comma ? items[0]! : { k: 'tuple', items };
    }
    throw new SyntaxFail(`unexpected '${t.v || 'end of line'}'`);
  }
}

/** Parses one expression; throws on syntax outside the subset. */
export function parseExpr(src: string): Expr {
  const p = new ExprParser(tokenize(src));
  const e = p.expr();
  if (!p.atEnd()) throw new SyntaxFail('trailing text');
  return e;
}

function parseStmt(text: string, line: number): Stmt {
  try {
    if (/^return\b/.test(text)) return { k: 'return', value: parseExpr(text.slice(6)), line };
    const m =
      /^\(?\s*([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*,?\s*\)?\s*(?::\s*[^=]+)?=(?!=)([\s\S]*)$/.exec(
        text,
      );
    if (m && !/^(if|for|while|with|elif|else|assert|raise)\b/.test(text)) {
      return { k: 'assign', targets: m[1]!.split(',').map((s) => s.trim()), value: parseExpr(m[2]!), line };
    }
  } catch (e) {
    if (!(e instanceof SyntaxFail)) throw e;
  }
  return { k: 'other', text: text.slice(0, 120), line };
}

function indentOf(s: string): number {
  return s.length - s.trimStart().length;
}

/** Joins physical lines into logical ones (open brackets continue a line). */
function logicalLines(
  lines: string[],
  from: number,
  to: number,
): { text: string; line: number; indent: number }[] {
  const out: { text: string; line: number; indent: number }[] = [];
  let cur = '';
  let start = 0;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const raw = lines[i]!;
    if (!cur && raw.trim() === '') continue;
    if (!cur) start = i;
    cur += (cur ? ' ' : '') + raw.trim();
    for (const ch of raw.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '')) {
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
    }
    if (depth <= 0) {
      out.push({ text: cur, line: start + 1, indent: indentOf(lines[start]!) });
      cur = '';
      depth = 0;
    }
  }
  if (cur) out.push({ text: cur, line: start + 1, indent: indentOf(lines[start]!) });
  return out;
}

function splitParams(sig: string): string[] {
  const inner = sig.slice(sig.indexOf('(') + 1, sig.lastIndexOf(')'));
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of inner) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => p.split(':')[0]!.split('=')[0]!.trim()).filter((p) => p && p !== 'self');
}

/** Parses every class of one code file; `module` is its dotted module path (`__torch__.torch.nn.modules.conv`). */
export function parseScriptFile(src: string, module: string): ScriptClass[] {
  const lines = src.split('\n');
  const classes: ScriptClass[] = [];
  let cls: ScriptClass | null = null;
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const cm = /^class\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(l);
    if (cm) {
      cls = { qualified: `${module}.${cm[1]}`, methods: new Map() };
      classes.push(cls);
      i++;
      continue;
    }
    const dm = /^(\s+)def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(l);
    if (cls && dm) {
      const defIndent = dm[1]!.length;
      let sig = l;
      while (!/\)\s*(->[^:]*)?:\s*$/.test(sig) && i + 1 < lines.length) sig += ' ' + lines[++i]!.trim();
      i++;
      const start = i;
      while (i < lines.length && (lines[i]!.trim() === '' || indentOf(lines[i]!) > defIndent)) i++;
      // Statements indented deeper than the body's first one sit in nested blocks (if/for): not followed.
      const base = body0Indent(lines, start);
      const body = logicalLines(lines, start, i)
        .filter((s) => s.indent > defIndent)
        .map((s): Stmt =>
          s.indent > base ? { k: 'other', text: s.text, line: s.line } : parseStmt(s.text, s.line),
        );
      const m: Method = { name: dm[2]!, params: splitParams(sig), body };
      cls.methods.set(m.name, m);
      continue;
    }
    i++;
  }
  return classes;
}

/** Indentation of a method body's first statement (deeper lines belong to nested blocks). */
function body0Indent(lines: string[], start: number): number {
  for (let i = start; i < lines.length; i++) if (lines[i]!.trim() !== '') return indentOf(lines[i]!);
  return 0;
}
