/**
 * Claims: every value a source states about a node or a relationship, kept per source, and the
 * one rule that derives the value the graph shows from them. The rule depends only on the set of
 * claims, never on the order they were imported in, so importing documents in any order gives
 * the same graph, and removing a source gives the graph without it.
 *
 * The rule (documented in seed/README.md, "Many sources"):
 *  1. Sources are ranked: the later publication date first (the first day the source's date can
 *     mean), then, on equal dates, the smaller source id.
 *  2. Each property group takes its value from the highest-ranked claim that states any property
 *     of the group. Properties that only make sense together form one group, so a shown value
 *     never mixes two sources ("120 minutes" from one, "approximate" from another): a date and
 *     its precision and span; a duration and whether it is approximate; a time and its zone;
 *     latitude and longitude; a name and whether it is a stand-in for an unnamed actor; a
 *     statement's kind, text and the offset of that text.
 *  3. `aliases` are every claim's name and aliases, in rank order, each spelling once, less the
 *     name shown: no source's spelling is lost. A stand-in name for an unnamed actor is not a
 *     spelling and is not kept as an alias.
 *  4. Evidence is every claim's quotes, by source id.
 *  5. `disputed` names the properties that two claims give different values for.
 */
import type { Evidence, PropertyValue } from './elements';

/** One source's claim on one node or relationship: the values it states, and its quotes. */
export interface Claim {
  sourceId: string;
  /** The source's publication date, as its first possible day (YYYY-MM-DD); null if unknown. */
  sourceDate: string | null;
  /** Stored property values (see plan.ts for their form); only what the source states. */
  values: Record<string, PropertyValue>;
  evidence: Evidence[];
}

/** What the graph shows for a node or relationship, derived from its claims. */
export interface Derived {
  /** Stored property values, in key order. */
  props: Record<string, PropertyValue>;
  evidence: Evidence[];
  /** Properties whose claims disagree, sorted. */
  disputed: string[];
  /** For each property shown, the source whose claim gave it. */
  from: Record<string, string>;
}

/** Stored properties that belong to one group: the group's first member names it. */
const GROUPS: readonly (readonly string[])[] = [
  ['date', 'datePrecision', 'dateStart', 'dateEnd'],
  ['durationMinutes', 'durationApproximate'],
  ['time', 'timezone'],
  ['latitude', 'longitude'],
  ['name', 'unnamed'],
  ['text', 'statementKind', 'textOffset'],
];
const GROUP_OF = new Map<string, string>(GROUPS.flatMap((group) => group.map((p) => [p, group[0]!] as const)));

/**
 * Stored properties that are derived from another one in their group (a date's precision and
 * span, a quote's offset): a claim's values hold them, but they are not claims of their own.
 */
export const DERIVED_PARTS: ReadonlySet<string> = new Set(['datePrecision', 'dateStart', 'dateEnd', 'textOffset']);

/** Properties that are the union of every claim, never a choice between them. */
const UNION = 'aliases';

export const groupOf = (property: string): string => GROUP_OF.get(property) ?? property;

/** Claims in rank order: latest source first, then smallest source id. */
export function ranked(claims: readonly Claim[]): Claim[] {
  return [...claims].sort((a, b) => {
    const da = a.sourceDate ?? '';
    const db = b.sourceDate ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
  });
}

/** The current values, evidence and disputes of one node or relationship. */
export function derive(claims: readonly Claim[]): Derived {
  const order = ranked(claims);
  const winner = new Map<string, Claim>();
  for (const claim of order) {
    for (const property of Object.keys(claim.values)) {
      const group = groupOf(property);
      if (!winner.has(group)) winner.set(group, claim);
    }
  }
  const props: Record<string, PropertyValue> = {};
  const from: Record<string, string> = {};
  const keys = new Set<string>();
  for (const claim of order) for (const key of Object.keys(claim.values)) keys.add(key);
  for (const key of [...keys].sort()) {
    if (key === UNION) continue;
    const claim = winner.get(groupOf(key))!;
    const value = claim.values[key];
    if (value === undefined) continue;
    props[key] = value;
    from[key] = claim.sourceId;
  }
  const aliases = unionOfNames(order, props.name);
  if (aliases.length > 0 || keys.has(UNION)) {
    props[UNION] = aliases;
    from[UNION] = order.find((c) => UNION in c.values)?.sourceId ?? order[0]?.sourceId ?? '';
  }
  return { props: inKeyOrder(props), evidence: evidenceOf(claims), disputed: disputedOf(claims), from };
}

function unionOfNames(order: readonly Claim[], shown: PropertyValue | undefined): string[] {
  const seen = new Set<string>(typeof shown === 'string' ? [shown] : []);
  const out: string[] = [];
  for (const claim of order) {
    // A stand-in for an unnamed actor ("Head of Ukraine's delegation (unnamed)") is a
    // description, not a spelling of a name: it is shown only while no source names the actor.
    const own = claim.values.unnamed === true ? [] : [claim.values.name];
    const names = [...own, ...(Array.isArray(claim.values.aliases) ? claim.values.aliases : [])];
    for (const name of names) {
      if (typeof name !== 'string' || seen.has(name)) continue;
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

function evidenceOf(claims: readonly Claim[]): Evidence[] {
  return [...claims]
    .sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0))
    .flatMap((claim) => claim.evidence);
}

function disputedOf(claims: readonly Claim[]): string[] {
  // One claim cannot disagree with itself (most elements: the bulk path's hot loop).
  if (claims.length < 2) return [];
  const seen = new Map<string, string>();
  const disputed = new Set<string>();
  for (const claim of claims) {
    for (const [property, value] of Object.entries(claim.values)) {
      if (property === UNION || DERIVED_PARTS.has(property) || value === undefined) continue;
      const text = stableJson(value);
      const earlier = seen.get(property);
      if (earlier === undefined) seen.set(property, text);
      else if (earlier !== text) disputed.add(property);
    }
  }
  return [...disputed].sort();
}

function inKeyOrder(props: Record<string, PropertyValue>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(props).sort()) out[key] = props[key]!;
  return out;
}

/** JSON with object keys sorted: equal values give equal text (claims are compared by it). */
export function stableJson(value: unknown): string {
  // Stored values are primitives and lists of them, and claim values a flat record of those:
  // they take JSON.stringify without a replacer (called for every key and element), which gives
  // the same text (test/unit/model/claims.test.ts compares the two) at a fraction of the cost.
  if (!holdsObject(value)) return JSON.stringify(value);
  if (isRecord(value) && typeof value.toJSON !== 'function' && !Object.values(value).some(holdsObject)) {
    return JSON.stringify(sortedKeys(value));
  }
  return JSON.stringify(value, (_key, v: unknown) => (isRecord(v) ? sortedKeys(v) : v));
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const sortedKeys = (v: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Whether `v` is or holds (in lists, at any depth) an object other than a list. */
function holdsObject(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  return !Array.isArray(v) || v.some(holdsObject);
}
