/**
 * What the validator reports: a problem with a stable code, a path into the document and, when
 * it can be placed, a line. The codes are the contract with tools and tests.
 */

/** Stable problem codes: tools and tests match on them. Add, never rename. */
export enum ProblemCode {
  /** Not YAML or JSON (also: a key given twice in one mapping). */
  SYNTAX = 'SYNTAX',
  /** A field missing, unknown, of the wrong type or out of range. */
  SCHEMA = 'SCHEMA',
  INVALID_ID = 'INVALID_ID',
  /** Not a calendar date, wrong form, over-precise (a time on a month), or after the source. */
  INVALID_DATE = 'INVALID_DATE',
  MISSING_EVIDENCE = 'MISSING_EVIDENCE',
  /** Two entities (of the same kind or not) with one id. */
  DUPLICATE_ID = 'DUPLICATE_ID',
  /** The same relationship twice (same type, ends and key). */
  DUPLICATE_RELATIONSHIP = 'DUPLICATE_RELATIONSHIP',
  /** `from`/`to`/`publisherId` names an id neither in the document nor already in the graph. */
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  /** An endpoint's kind does not fit the relationship type (REL_ENDPOINTS), or SAME_AS joins two kinds. */
  KIND_MISMATCH = 'KIND_MISMATCH',
  SELF_REFERENCE = 'SELF_REFERENCE',
  /** A quote (or a QUOTE statement's text) is not a verbatim substring of the source text. */
  QUOTE_NOT_FOUND = 'QUOTE_NOT_FOUND',
  SOURCE_TEXT_UNAVAILABLE = 'SOURCE_TEXT_UNAVAILABLE',
  /** A statement without STATED_BY, or a delegation without REPRESENTS, here or in the graph. */
  MISSING_RELATIONSHIP = 'MISSING_RELATIONSHIP',
  /** YAML aliases expand past the limit (`maxAliasCount`): a billion-laughs document. */
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
}

export interface Problem {
  /** Where, as `entities[3].evidence[0].quote`; `(document)` for the whole document. */
  path: string;
  /** 1-based line in the document, when the path can be located. */
  line?: number;
  code: ProblemCode;
  message: string;
  /** UNKNOWN_REFERENCE: the one existing id the reference most likely meant. */
  suggestion?: string;
}

/** A path into the document: keys and list indexes. */
export type Path = (string | number)[];

export function formatPath(at: Path): string {
  if (at.length === 0) return '(document)';
  return at.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
