/**
 * Selection tree → Cypher. Each position of the tree projects one variable into a map holding
 * only the selected fields; each relationship field becomes a `CALL (v) { … }` subquery that
 * collects the maps of what it reaches (ordered as the field resolvers order them), nested as
 * deep as the selection is. Scalar fields are keyed by field name (every alias reads the same
 * value); fields whose resolver hands a projected value on are keyed `@<field>` (see
 * projected.ts), which no stored property name can be. The text is built only from the
 * registry, the model's enums and variable names made here; values are parameters.
 */
import { RESERVED_PROPERTIES } from '../../model/elements';
import {
  CLAIM_LABEL,
  DatePrecision,
  ENTITY_LABEL,
  MAX_PLACE_CHAIN,
  NodeKind,
  PlaceKind,
  RelType,
  SAME_AS_MAX_HOPS,
} from '../../model/vocabulary';
import { type FieldMapping, farKinds, kindExpr, NODE_TYPES, nameOf, REGISTRY } from './registry';
import type { FieldSelection, ObjectSelection } from './selection';

export interface Projection {
  /** Subqueries to run, in order, where the variable is bound, before `map` is evaluated. */
  readonly calls: string[];
  /** The map expression, or with lists (see `Projector`) the list expression `shape` reads. */
  readonly map: string;
  /** The keys of the values `map` lists, in order (with maps: the map's own keys). */
  readonly shape: Shape;
}

/**
 * What a projection listing its values (not keying them) holds: the key of each value, and for a
 * projected node or relationship inside it, that one's shape (`many`: a list of them).
 */
export interface Shape {
  readonly keys: readonly string[];
  readonly nested: readonly ({ readonly shape: Shape; readonly many: boolean } | null)[];
}

/** A listed projection's value turned into the object its map would have been (in place of the list). */
export function fromList(shape: Shape, values: readonly unknown[]): Projected {
  const out: Projected = {};
  const { keys, nested } = shape;
  for (let i = 0; i < keys.length; i++) {
    const value = values[i] ?? null;
    const inner = nested[i];
    if (!inner || value === null) out[keys[i]!] = value;
    else if (inner.many) out[keys[i]!] = (value as unknown[][]).map((v) => fromList(inner.shape, v));
    else out[keys[i]!] = fromList(inner.shape, value as unknown[]);
  }
  return out;
}

type Projected = Record<string, unknown>;

interface Ends {
  from: string;
  to: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REL_TYPES = new Set<string>(Object.values(RelType));

function key(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a field name: ${name}`);
  return name;
}
/** The key of a field whose resolver hands the projected value on. */
export const projectedKey = (name: string) => `\`@${key(name)}\``;

function relType(type: string): string {
  if (!REL_TYPES.has(type)) throw new Error(`not a relationship type: ${type}`);
  return type;
}

function label(kind: string): string {
  if (!NODE_TYPES.has(kind)) throw new Error(`not a node kind: ${kind}`);
  return kind;
}

/** Merges two selections of the same position (a claim's source and its evidence's source). */
export function mergeSelections(a: ObjectSelection | null, b: ObjectSelection | null): ObjectSelection | null {
  if (!a || !b) return a ?? b;
  const fields = new Map<string, FieldSelection>(a.fields);
  for (const [name, field] of b.fields) {
    const other = fields.get(name);
    fields.set(
      name,
      other
        ? {
            name,
            mapping: other.mapping,
            onTypes: new Set([...other.onTypes, ...field.onTypes]),
            children: mergeSelections(other.children, field.children),
          }
        : field,
    );
  }
  return { types: [...new Set([...a.types, ...b.types])], fields };
}

/**
 * Builds projections. With `lists`, each projected node or relationship is a Cypher list of its
 * values rather than a map (the driver decodes a list several times faster than a map, whose
 * every key is a string to decode again per row), read back into objects by `fromList`; the
 * values Cypher builds itself (dates, evidence, claims) stay maps.
 */
export class Projector {
  private counter = 0;

  constructor(private readonly lists = false) {}

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Projects variable `v` (a node, or with `ends` a relationship) with the selection. */
  project(v: string, selection: ObjectSelection, ends?: Ends, lists = this.lists): Projection {
    const calls: string[] = [];
    const entries = new Map<string, string>();
    const nested = new Map<string, Shape['nested'][number]>();
    // An interface position needs the kind to resolve the concrete type (resolveType reads it).
    if (!ends && selection.types.length > 1) {
      entries.set('kind', kindExpr(v));
    }
    for (const field of selection.fields.values()) {
      const m = field.mapping;
      switch (m.kind) {
        case 'value':
          entries.set(key(field.name), m.expr(v));
          break;
        case 'name':
          entries.set(key(field.name), nameOf(v, field.onTypes));
          break;
        case 'computed':
          for (const need of m.needs) {
            const type = [...field.onTypes][0]!;
            const needed = REGISTRY[type]?.[need];
            if (needed?.kind !== 'value') throw new Error(`${type}.${field.name} needs ${need}, not a value`);
            entries.set(key(need), needed.expr(v));
          }
          break;
        case 'date': {
          const names = [...(field.children?.fields.keys() ?? [])];
          entries.set(key(field.name), this.date(`${v}.${key(m.property)}`, names, lists));
          const parts: Shape = { keys: names, nested: names.map(() => null) };
          nested.set(key(field.name), { shape: parts, many: false });
          break;
        }
        case 'evidence':
          entries.set(key(field.name), this.evidence(v, field.children!, calls));
          break;
        case 'claims':
          entries.set(projectedKey(field.name), this.claims(v, field.children!, calls));
          break;
        case 'related': {
          const related = this.related(v, field, m, this.guard(v, field, selection), calls, lists);
          entries.set(projectedKey(field.name), related.out);
          nested.set(projectedKey(field.name), { shape: related.shape, many: !m.one });
          break;
        }
        case 'endpoint': {
          if (!ends) throw new Error(`${field.name} is an endpoint outside a relationship`);
          const inner = this.project(m.end === 'from' ? ends.from : ends.to, field.children!, undefined, lists);
          calls.push(...inner.calls);
          entries.set(projectedKey(field.name), inner.map);
          nested.set(projectedKey(field.name), { shape: inner.shape, many: false });
          break;
        }
        case 'meetingPlace': {
          const place = this.meetingPlace(v, m.which, field.children!, calls, lists);
          entries.set(projectedKey(field.name), place.out);
          nested.set(projectedKey(field.name), { shape: place.shape, many: false });
          break;
        }
        case 'properties': {
          const k = this.fresh('k');
          const reserved = [...RESERVED_PROPERTIES].map((r) => `'${key(r)}'`).join(', ');
          entries.set(key(field.name), `[${k} IN keys(${v}) WHERE NOT ${k} IN [${reserved}] | [${k}, ${v}[${k}]]]`);
          break;
        }
        case 'self': {
          const inner = this.project(v, field.children!, undefined, lists);
          calls.push(...inner.calls);
          entries.set(key(field.name), inner.map);
          nested.set(key(field.name), { shape: inner.shape, many: false });
          break;
        }
        case 'sameAs': {
          const same = this.sameAs(v, field.children!, this.guard(v, field, selection), calls, lists);
          entries.set(projectedKey(field.name), same.out);
          nested.set(projectedKey(field.name), { shape: same.shape, many: true });
          break;
        }
        default:
          throw new Error(`${field.name} (${m.kind}) cannot be projected on its own`);
      }
    }
    const keys = [...entries.keys()];
    const shape: Shape = {
      keys: keys.map((k) => k.replaceAll('`', '')),
      nested: keys.map((k) => (lists ? (nested.get(k) ?? null) : null)),
    };
    const map = lists
      ? `[${[...entries.values()].join(', ')}]`
      : `{${[...entries].map(([k, e]) => `${k}: ${e}`).join(', ')}}`;
    return { calls, map, shape };
  }

  /** A label test when a field applies to some of a position's node types only. */
  private guard(v: string, field: FieldSelection, selection: ObjectSelection): string | null {
    if (field.onTypes.size === selection.types.length) return null;
    return `(${[...field.onTypes].map((t) => `${v}:${label(t)}`).join(' OR ')})`;
  }

  /** A PartialDate from a stored date string, as model/partial-date.ts parses it. */
  private date(d: string, names: string[], lists: boolean): string {
    const bySize = (year: string, month: string, day: string) =>
      `CASE size(${d}) WHEN 4 THEN ${year} WHEN 7 THEN ${month} ELSE ${day} END`;
    const parts: Record<string, string> = {
      value: d,
      precision: bySize(`'${DatePrecision.YEAR}'`, `'${DatePrecision.MONTH}'`, `'${DatePrecision.DAY}'`),
      start: bySize(`${d} + '-01-01'`, `${d} + '-01'`, d),
      end: bySize(`${d} + '-12-31'`, `toString(date(${d} + '-01') + duration({months: 1}) - duration({days: 1}))`, d),
    };
    const value = lists
      ? `[${names.map((n) => parts[n]).join(', ')}]`
      : `{${names.map((n) => `${key(n)}: ${parts[n]}`).join(', ')}}`;
    return `CASE WHEN ${d} IS NULL THEN null ELSE ${value} END`;
  }

  /** The evidence lists zipped into maps; with `source` selected, a subquery finds each source. */
  private evidence(v: string, selection: ObjectSelection, calls: string[]): string {
    const i = this.fresh('i');
    const part = (name: string) => {
      if (name === 'sourceId') return `${v}.evidenceSourceIds[${i}]`;
      if (name === 'quote') return `coalesce(${v}.evidenceQuotes[${i}], '')`;
      return `coalesce(${v}.evidenceOffsets[${i}], -1)`;
    };
    // The source id always: the Evidence.source resolver falls back to it.
    const names = new Set(['sourceId', ...[...selection.fields.keys()].filter((n) => n !== 'source')]);
    const entries = [...names].map((n) => `${key(n)}: ${part(n)}`);
    const range = `range(0, size(coalesce(${v}.evidenceSourceIds, [])) - 1)`;
    const source = selection.fields.get('source');
    if (!source) return `[${i} IN ${range} | {${entries.join(', ')}}]`;
    const s = this.fresh('s');
    const out = this.fresh('evidence');
    // Inside a map Cypher builds: a map too.
    const inner = this.project(s, source.children!, undefined, false);
    entries.push(`${projectedKey('source')}: CASE WHEN ${s} IS NULL THEN null ELSE ${inner.map} END`);
    calls.push(
      [
        `CALL (${v}) {`,
        `UNWIND ${range} AS ${i}`,
        `OPTIONAL MATCH (${s}:${NodeKind.Source} {id: ${v}.evidenceSourceIds[${i}]})`,
        ...inner.calls,
        `WITH * ORDER BY ${i}`,
        `RETURN collect({${entries.join(', ')}}) AS ${out}`,
        '}',
      ].join('\n'),
    );
    return out;
  }

  /** The element's claim records; the claims resolver turns them into Claim objects. */
  private claims(v: string, selection: ObjectSelection, calls: string[]): string {
    const c = this.fresh('claim');
    const out = this.fresh('claims');
    const entries = [
      `sourceId: ${c}.sourceId`,
      `sourceDate: ${c}.sourceDate`,
      `values: ${c}.values`,
      `quotes: ${c}.evidenceQuotes`,
      `offsets: ${c}.evidenceOffsets`,
    ];
    const lines = [`CALL (${v}) {`, `MATCH (${c}:${CLAIM_LABEL} {subjectId: ${v}.id})`];
    const sourceSelection = mergeSelections(
      selection.fields.get('source')?.children ?? null,
      selection.fields.get('evidence')?.children?.fields.get('source')?.children ?? null,
    );
    if (sourceSelection) {
      const s = this.fresh('s');
      const inner = this.project(s, sourceSelection, undefined, false);
      lines.push(`OPTIONAL MATCH (${s}:${NodeKind.Source} {id: ${c}.sourceId})`, ...inner.calls);
      entries.push(`source: CASE WHEN ${s} IS NULL THEN null ELSE ${inner.map} END`);
    }
    lines.push(`RETURN collect({${entries.join(', ')}}) AS ${out}`, '}');
    calls.push(lines.join('\n'));
    return out;
  }

  private related(
    v: string,
    field: FieldSelection,
    m: Extract<FieldMapping, { kind: 'related' }>,
    guard: string | null,
    calls: string[],
    lists: boolean,
  ): { out: string; shape: Shape } {
    const r = this.fresh('r');
    const o = this.fresh('n');
    const out = this.fresh(field.name);
    const type = relType(m.type);
    const pattern = m.direction === 'out' ? `(${v})-[${r}:${type}]->(${o})` : `(${v})<-[${r}:${type}]-(${o})`;
    const order = `${nameOf(o, farKinds(m.type, m.direction))}, ${o}.id`;
    const lines = [`CALL (${v}) {`, `MATCH ${pattern}${guard ? ` WHERE ${guard}` : ''}`];
    if (m.one) lines.push(`WITH * ORDER BY ${order} LIMIT 1`);
    if (m.placeKind) lines.push(`WITH * WHERE ${o}.placeKind = '${PlaceKind[m.placeKind]}'`);
    const ends = m.direction === 'out' ? { from: v, to: o } : { from: o, to: v };
    const inner = m.edge
      ? this.project(r, field.children!, ends, lists)
      : this.project(o, field.children!, undefined, lists);
    lines.push(...inner.calls);
    if (!m.one) lines.push(`WITH * ORDER BY ${order}`);
    lines.push(`RETURN ${m.one ? `head(collect(${inner.map}))` : `collect(${inner.map})`} AS ${out}`, '}');
    calls.push(lines.join('\n'));
    return { out, shape: inner.shape };
  }

  /** A meeting's city or country: up the LOCATED_IN chain from its first place (as the loaders walk it). */
  private meetingPlace(
    v: string,
    which: 'city' | 'country',
    selection: ObjectSelection,
    calls: string[],
    lists: boolean,
  ): { out: string; shape: Shape } {
    const place = this.fresh('place');
    const chain = this.fresh('chain');
    const top = this.fresh('top');
    const x = this.fresh('x');
    const o = this.fresh('n');
    const out = this.fresh(which);
    const test =
      which === 'city' ? `${x}:${NodeKind.Place} AND ${x}.placeKind = '${PlaceKind.CITY}'` : `${x}:${NodeKind.Country}`;
    const inner = this.project(o, selection, undefined, lists);
    calls.push(
      [
        `CALL (${v}) {`,
        `MATCH (${v})-[:${RelType.HELD_AT}]->(${place}:${NodeKind.Place})`,
        `WITH ${place} ORDER BY ${place}.name, ${place}.id LIMIT 1`,
        `OPTIONAL MATCH ${chain} = (${place})-[:${RelType.LOCATED_IN}*0..${MAX_PLACE_CHAIN}]->(${top})`,
        `  WHERE NOT EXISTS { (${top})-[:${RelType.LOCATED_IN}]->() }`,
        `WITH nodes(${chain}) AS around LIMIT 1`,
        `WITH head([${x} IN around WHERE ${test}]) AS ${o}`,
        `WHERE ${o} IS NOT NULL`,
        ...inner.calls,
        `RETURN head(collect(${inner.map})) AS ${out}`,
        '}',
      ].join('\n'),
    );
    return { out, shape: inner.shape };
  }

  private sameAs(
    v: string,
    selection: ObjectSelection,
    guard: string | null,
    calls: string[],
    lists: boolean,
  ): { out: string; shape: Shape } {
    const o = this.fresh('n');
    const out = this.fresh('sameAs');
    const inner = this.project(o, selection, undefined, lists);
    calls.push(
      [
        `CALL (${v}) {`,
        `MATCH (${v})-[:${RelType.SAME_AS}*1..${SAME_AS_MAX_HOPS}]-(${o}:${ENTITY_LABEL}) WHERE ${o} <> ${v}${guard ? ` AND ${guard}` : ''}`,
        `WITH DISTINCT ${o}`,
        ...inner.calls,
        `WITH * ORDER BY ${o}.id`,
        `RETURN collect(${inner.map}) AS ${out}`,
        '}',
      ].join('\n'),
    );
    return { out, shape: inner.shape };
  }
}
