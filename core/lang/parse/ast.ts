// The small typed AST SockLab's C front end works on: plain data converted from tree-sitter's
// concrete syntax tree, every node carrying its position in the preprocessed text.

/** Pos is a 1-based line and column in the preprocessed text (mapped to files through lineMap). */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

/** Expr is one C expression. */
export type Expr = { readonly pos: Pos } & (
  | { k: 'id'; name: string }
  | { k: 'int'; text: string }
  | { k: 'float'; text: string }
  | { k: 'char'; value: number }
  | { k: 'str'; bytes: number[] }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'assign'; op: string; l: Expr; r: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; e: Expr }
  | { k: 'call'; fn: Expr; args: Expr[] }
  | { k: 'member'; e: Expr; name: string; arrow: boolean }
  | { k: 'index'; e: Expr; i: Expr }
  | { k: 'cast'; tn: TypeName; e: Expr }
  | { k: 'sizeofT'; tn: TypeName }
  | { k: 'sizeofE'; e: Expr }
  | { k: 'alignofT'; tn: TypeName }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'comma'; l: Expr; r: Expr }
  | { k: 'compound'; tn: TypeName; init: Init }
  | { k: 'bad' }
);

/** Init is an initializer: one expression or a brace list with optional designators. */
export type Init = { k: 'expr'; e: Expr } | { k: 'list'; pos: Pos; items: InitItem[] };

/** InitItem is one element of a brace initializer list. */
export interface InitItem {
  readonly desig: Desig[];
  readonly init: Init;
}

/** Desig is one designator: `.field` or `[index]`. */
export type Desig = { k: 'field'; name: string; pos: Pos } | { k: 'index'; e: Expr };

/** BaseSpec is the type-specifier part of a declaration. */
export type BaseSpec =
  | { k: 'prim'; words: string[] }
  | { k: 'named'; name: string }
  | { k: 'struct'; union: boolean; tag?: string; fields?: FieldDecl[] }
  | { k: 'enum'; tag?: string; items?: { name: string; value?: Expr; pos: Pos }[] };

/** DeclSpec is a declaration's specifiers: storage class, qualifiers and base type. */
export interface DeclSpec {
  readonly pos: Pos;
  readonly storage?: 'typedef' | 'static' | 'extern' | 'auto' | 'register';
  readonly isConst: boolean;
  readonly base: BaseSpec;
}

/** Declarator is the part of a declaration around a name: pointers, arrays, functions. */
export type Declarator =
  | { k: 'name'; name?: string; pos: Pos }
  | { k: 'ptr'; d: Declarator }
  | { k: 'array'; d: Declarator; size?: Expr; pos: Pos }
  | { k: 'func'; d: Declarator; params: Param[]; variadic: boolean; noProto: boolean; pos: Pos };

/** Param is one parameter declaration of a function declarator. */
export interface Param {
  readonly spec: DeclSpec;
  readonly decl: Declarator;
}

/** FieldDecl is one member of a struct or union. */
export interface FieldDecl {
  readonly spec: DeclSpec;
  readonly decl: Declarator;
  /** width is a bit-field's width expression (`unsigned ihl : 4`). */
  readonly width?: Expr;
}

/** TypeName is a type written without a name (casts, sizeof, compound literals). */
export interface TypeName {
  readonly spec: DeclSpec;
  readonly decl: Declarator;
}

/** Decl is one declaration: specifiers and a list of declarators with optional initializers. */
export interface Decl {
  readonly spec: DeclSpec;
  readonly items: { decl: Declarator; init?: Init }[];
}

/** Stmt is one C statement. */
export type Stmt = { readonly pos: Pos } & (
  | { k: 'block'; items: Stmt[] }
  | { k: 'decl'; d: Decl }
  | { k: 'expr'; e?: Expr }
  | { k: 'if'; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'return'; e?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'switch'; e: Expr; body: Stmt }
  | { k: 'case'; value?: Expr; body: Stmt[] }
  | { k: 'label'; name: string; body: Stmt }
  | { k: 'goto'; name: string }
);

/** TopLevel is one external declaration of a translation unit. */
export type TopLevel =
  { k: 'decl'; d: Decl; pos: Pos } | { k: 'func'; spec: DeclSpec; decl: Declarator; body: Stmt; pos: Pos };

/** TranslationUnit is a parsed file. */
export interface TranslationUnit {
  readonly items: TopLevel[];
}
