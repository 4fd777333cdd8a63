/** The syntax tree of the TorchScript code subset the importer reads (straight-line `forward` methods). */

/** An expression. */
export type Expr =
  | { k: 'name'; id: string }
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'const'; v: null | boolean }
  | { k: 'list'; items: Expr[] }
  | { k: 'tuple'; items: Expr[] }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: [string, Expr][] }
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'unary'; op: string; x: Expr }
  | { k: 'binop'; op: string; a: Expr; b: Expr };

/** A statement: assignment, return, or something the importer does not follow (if/for/…). */
export type Stmt =
  | { k: 'assign'; targets: string[]; value: Expr; line: number }
  | { k: 'return'; value: Expr; line: number }
  | { k: 'other'; text: string; line: number };

/** A method of a TorchScript class. */
export interface Method {
  name: string;
  /** Parameter names after `self`. */
  params: string[];
  body: Stmt[];
}

/** A TorchScript class from code/: its qualified name and methods. */
export interface ScriptClass {
  qualified: string;
  methods: Map<string, Method>;
}
