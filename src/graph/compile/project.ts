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
  NodeKind,
  PlaceKind,
  RelType,
  SAME_AS_MAX_HOPS,
} from '../../model/vocabulary';
import { type FieldMapping, kindExpr, MAX_PLACE_CHAIN, NODE_TYPES, nameExpr, REGISTRY } from './registry';
import type { FieldSelection, ObjectSelection } from './selection';

export interface Projection {
  /** Subqueries to run, in order, where the variable is bound, before `map` is evaluated. */
  readonly calls: string[];
  /** The map expression. */
  readonly map: string;
}

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

export class Projector {
  private counter = 0;

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Projects variable `v` (a node, or with `ends` a relationship) with the selection. */
  project(v: string, selection: ObjectSelection, ends?: Ends): Projection {
    const calls: string[] = [];
    const entries = new Map<string, string>();
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
        case 'computed':
          for (const need of m.needs) {
            const type = [...field.onTypes][0]!;
            const needed = REGISTRY[type]?.[need];
            if (needed?.kind !== 'value') throw new Error(`${type}.${field.name} needs ${need}, not a value`);
            entries.set(key(need), needed.expr(v));
          }
          break;
        case 'date':
          entries.set(key(field.name), this.date(`${v}.${key(m.property)}`, field.children));
          break;
        case 'evidence':
          entries.set(key(field.name), this.evidence(v, field.children!, calls));
          break;
        case 'claims':
          entries.set(projectedKey(field.name), this.claims(v, field.children!, calls));
          break;
        case 'related':
          entries.set(projectedKey(field.name), this.related(v, field, m, this.guard(v, field, selection), calls));
          break;
        case 'endpoint': {
          if (!ends) throw new Error(`${field.name} is an endpoint outside a relationship`);
          const inner = this.project(m.end === 'from' ? ends.from : ends.to, field.children!);
          calls.push(...inner.calls);
          entries.set(projectedKey(field.name), inner.map);
          break;
        }
        case 'meetingPlace':
          entries.set(projectedKey(field.name), this.meetingPlace(v, m.which, field.children!, calls));
          break;
        case 'properties': {
          const k = this.fresh('k');
          const reserved = [...RESERVED_PROPERTIES].map((r) => `'${key(r)}'`).join(', ');
          entries.set(key(field.name), `[${k} IN keys(${v}) WHERE NOT ${k} IN [${reserved}] | [${k}, ${v}[${k}]]]`);
          break;
        }
        case 'self': {
          const inner = this.project(v, field.children!);
          calls.push(...inner.calls);
          entries.set(key(field.name), inner.map);
          break;
        }
        case 'sameAs':
          entries.set(
            projectedKey(field.name),
            this.sameAs(v, field.children!, this.guard(v, field, selection), calls),
          );
          break;
        default:
          throw new Error(`${field.name} (${m.kind}) cannot be projected on its own`);
      }
    }
    return { calls, map: `{${[...entries].map(([k, e]) => `${k}: ${e}`).join(', ')}}` };
  }

  /** A label test when a field applies to some of a position's node types only. */
  private guard(v: string, field: FieldSelection, selection: ObjectSelection): string | null {
    if (field.onTypes.size === selection.types.length) return null;
    return `(${[...field.onTypes].map((t) => `${v}:${label(t)}`).join(' OR ')})`;
  }

  /** A PartialDate from a stored date string, as model/partial-date.ts parses it. */
  private date(d: string, selection: ObjectSelection | null): string {
    const bySize = (year: string, month: string, day: string) =>
      `CASE size(${d}) WHEN 4 THEN ${year} WHEN 7 THEN ${month} ELSE ${day} END`;
    const parts: Record<string, string> = {
      value: d,
      precision: bySize(`'${DatePrecision.YEAR}'`, `'${DatePrecision.MONTH}'`, `'${DatePrecision.DAY}'`),
      start: bySize(`${d} + '-01-01'`, `${d} + '-01'`, d),
      end: bySize(`${d} + '-12-31'`, `toString(date(${d} + '-01') + duration({months: 1}) - duration({days: 1}))`, d),
    };
    const names = [...(selection?.fields.keys() ?? [])];
    return `CASE WHEN ${d} IS NULL THEN null ELSE {${names.map((n) => `${key(n)}: ${parts[n]}`).join(', ')}} END`;
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
    const inner = this.project(s, source.children!);
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
      const inner = this.project(s, sourceSelection);
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
  ): string {
    const r = this.fresh('r');
    const o = this.fresh('n');
    const out = this.fresh(field.name);
    const type = relType(m.type);
    const pattern = m.direction === 'out' ? `(${v})-[${r}:${type}]->(${o})` : `(${v})<-[${r}:${type}]-(${o})`;
    const order = `${nameExpr(o)}, ${o}.id`;
    const lines = [`CALL (${v}) {`, `MATCH ${pattern}${guard ? ` WHERE ${guard}` : ''}`];
    if (m.one) lines.push(`WITH * ORDER BY ${order} LIMIT 1`);
    if (m.placeKind) lines.push(`WITH * WHERE ${o}.placeKind = '${PlaceKind[m.placeKind]}'`);
    const ends = m.direction === 'out' ? { from: v, to: o } : { from: o, to: v };
    const inner = m.edge ? this.project(r, field.children!, ends) : this.project(o, field.children!);
    lines.push(...inner.calls);
    if (!m.one) lines.push(`WITH * ORDER BY ${order}`);
    lines.push(`RETURN ${m.one ? `head(collect(${inner.map}))` : `collect(${inner.map})`} AS ${out}`, '}');
    calls.push(lines.join('\n'));
    return out;
  }

  /** A meeting's city or country: up the LOCATED_IN chain from its first place (as the loaders walk it). */
  private meetingPlace(v: string, which: 'city' | 'country', selection: ObjectSelection, calls: string[]): string {
    const place = this.fresh('place');
    const chain = this.fresh('chain');
    const top = this.fresh('top');
    const x = this.fresh('x');
    const o = this.fresh('n');
    const out = this.fresh(which);
    const test =
      which === 'city' ? `${x}:${NodeKind.Place} AND ${x}.placeKind = '${PlaceKind.CITY}'` : `${x}:${NodeKind.Country}`;
    const inner = this.project(o, selection);
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
    return out;
  }

  private sameAs(v: string, selection: ObjectSelection, guard: string | null, calls: string[]): string {
    const o = this.fresh('n');
    const out = this.fresh('sameAs');
    const inner = this.project(o, selection);
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
    return out;
  }
}
