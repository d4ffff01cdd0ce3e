/**
 * What an import (real or dry run) and a source's removal report: per node kind and per
 * relationship type, what was created, what was already there unchanged, what got new claims,
 * what went; and every value the document disagrees with the graph on. A dry run reports exactly
 * what the real import then does: both are computed by the same plan, before anything is written.
 */
import type { PropertyValue } from '../model/elements';

/** One node kind's or relationship type's figures. */
export interface ChangeCounts {
  /** Node kind or relationship type. */
  name: string;
  /** Not in the graph before: the document is the first source to state it. */
  created: number;
  /** In the graph, and this source already claimed exactly this about it. */
  unchanged: number;
  /** In the graph, and this source's claim on it is new or different. */
  claimed: number;
  /** This source's claims that go (the document no longer states them, or the source is removed). */
  retracted: number;
  /** Gone from the graph: no other source supports it. */
  deleted: number;
}

/** A property the document gives a value that differs from the graph's current value. */
export interface Conflict {
  /** Node or relationship id. */
  id: string;
  property: string;
  graphValue: PropertyValue;
  documentValue: PropertyValue;
  /** The source whose claim gives the graph's value. */
  graphSourceId: string;
}

export interface ImportReport {
  sourceId: string;
  dryRun: boolean;
  /** The source was in the graph with another text, and the document replaced it (`replace`). */
  replaced: boolean;
  /** The source was already in the graph (with the same text, or replaced). */
  sourceExisted: boolean;
  nodes: ChangeCounts[];
  relationships: ChangeCounts[];
  conflicts: Conflict[];
  milliseconds: number;
}

export interface RemoveReport {
  sourceId: string;
  nodes: ChangeCounts[];
  relationships: ChangeCounts[];
  milliseconds: number;
}

/** Whole-graph counts, for "before" and "after" lines. */
export interface GraphCounts {
  nodes: number;
  relationships: number;
  claims: number;
  sources: number;
}

export interface ImportOptions {
  /** Validate and plan, report, write nothing. */
  dryRun?: boolean;
  /** Allow a document whose source id exists with another text: the old source's claims go first. */
  replace?: boolean;
  /** YAML aliases a document may expand (config MAX_YAML_ALIASES); default in validate.ts. */
  maxAliasCount?: number;
  /** Unknown ids looked up for suggestions (config MAX_SUGGESTION_PROBES). */
  suggestionProbes?: number;
  /** Candidates per unknown id and way of finding them (config SUGGESTIONS_PER_PROBE). */
  suggestionsPerProbe?: number;
}

/** Totals over the rows (for one-line summaries). */
export function totals(rows: readonly ChangeCounts[]): Omit<ChangeCounts, 'name'> {
  const sum = { created: 0, unchanged: 0, claimed: 0, retracted: 0, deleted: 0 };
  for (const row of rows) {
    sum.created += row.created;
    sum.unchanged += row.unchanged;
    sum.claimed += row.claimed;
    sum.retracted += row.retracted;
    sum.deleted += row.deleted;
  }
  return sum;
}
