/**
 * The one context every validation rule reads, as graphql-js's ValidationContext: the raw
 * document (read leniently, so that a schema problem in one entity does not hide the others'
 * problems), the source text, the ids the document declares, the options (what the graph
 * already holds) and `report`. A rule is a function over it that reports and returns nothing.
 */
import { type PartialDate, parsePartialDate } from '../../model/partial-date';
import { ACTOR_KINDS, kindOfId, NodeKind, RelType } from '../../model/vocabulary';
import type { Path, ProblemCode } from '../problems';
import type { ParseOptions } from '../validate';

export type Obj = Record<string, unknown>;

export interface Declared {
  /** Its index in `entities`; -1 for the source. */
  index: number;
  kind: NodeKind | undefined;
}

export interface EntityItem {
  index: number;
  at: Path;
  entity: Obj;
  /** A well-formed kind, or undefined (the schema pass reports it). */
  kind: NodeKind | undefined;
  id: string | undefined;
}

export interface RelationshipItem {
  index: number;
  at: Path;
  relationship: Obj;
  /** A known type, or null (the schema pass reports it). */
  type: RelType | null;
}

export interface ValidationContext {
  readonly source: Obj;
  /** The source's date, when it is a valid one. */
  readonly sourceDate: PartialDate | null;
  readonly entities: readonly EntityItem[];
  readonly relationships: readonly RelationshipItem[];
  /** The source text, when it could be read; rules about quotes skip without it. */
  readonly text: string | undefined;
  /** Every id the document declares (the source's included), at its first declaration. */
  readonly declared: ReadonlyMap<string, Declared>;
  readonly options: ParseOptions;
  /** An id's kind: in the document, else in the graph; undefined when unknown, null when the id is nowhere. */
  kindOf(id: string): NodeKind | undefined | null;
  report(at: Path, code: ProblemCode, message: string, details?: { suggestion?: string }): void;
}

export type ValidationRule = (context: ValidationContext) => void;

export function createContext(
  raw: Obj,
  text: string | undefined,
  options: ParseOptions,
  report: ValidationContext['report'],
): ValidationContext {
  const source = isObj(raw.source) ? raw.source : {};
  const entities: EntityItem[] = [];
  (Array.isArray(raw.entities) ? raw.entities : []).forEach((entity, index) => {
    if (!isObj(entity)) return;
    const id = typeof entity.id === 'string' ? entity.id : undefined;
    entities.push({ index, at: ['entities', index], entity, kind: entityKind(entity.kind), id });
  });
  const relationships: RelationshipItem[] = [];
  (Array.isArray(raw.relationships) ? raw.relationships : []).forEach((relationship, index) => {
    if (!isObj(relationship)) return;
    const type = Object.values(RelType).includes(relationship.type as RelType) ? (relationship.type as RelType) : null;
    relationships.push({ index, at: ['relationships', index], relationship, type });
  });

  const declared = new Map<string, Declared>();
  if (typeof source.id === 'string') declared.set(source.id, { index: -1, kind: NodeKind.Source });
  for (const { id, index, kind } of entities) {
    if (id !== undefined && !declared.has(id)) declared.set(id, { index, kind });
  }

  return {
    source,
    sourceDate: typeof source.date === 'string' ? parsePartialDate(source.date) : null,
    entities,
    relationships,
    text,
    declared,
    options,
    kindOf(id) {
      if (declared.has(id)) return declared.get(id)!.kind;
      const known = options.knownIds;
      if (known === undefined || !known.has(id)) return null;
      return known instanceof Map ? known.get(id) : kindOfId(id);
    },
    report,
  };
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entityKind(kind: unknown): NodeKind | undefined {
  return Object.values(NodeKind).includes(kind as NodeKind) && kind !== NodeKind.Source
    ? (kind as NodeKind)
    : undefined;
}

export function describeKinds(kinds: readonly NodeKind[]): string {
  if (kinds === ACTOR_KINDS) return 'an actor (Country, Organization, Person or Delegation)';
  return `a ${kinds.join(' or ')}`;
}
