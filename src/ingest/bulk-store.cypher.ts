/**
 * Statements that finish a graph written by Neo4j's importer (src/ingest/bulk-store.ts). The
 * importer cannot write an empty list, and it reads line breaks inside a value only in its slow
 * single-threaded mode; so a row that holds either carries the marker label and names the
 * properties in marker lists, and these statements set the empty lists, put the line breaks
 * back (written as stand-in characters) and drop the markers. Nodes are found by the marker
 * label through the label index; relationships (which have no label) by a scan, run only when
 * one was marked. Labels and marker names come from this module, never from input.
 */
import { cypher } from '../graph/executor';

/** The label of every node row the importer wrote with a marker list. */
export const BULK_FIX_LABEL = 'BulkFix';
/** The names of this row's properties that are empty lists. */
export const EMPTY_LISTS_MARKER = 'bulkEmptyLists';
/** The names of this row's properties whose line breaks are written as the stand-ins. */
export const LINE_BREAKS_MARKER = 'bulkLineBreaks';
/** What stands for a line feed and a carriage return in a marked value. */
export const LINE_FEED_STAND_IN = '\u001e';
export const CARRIAGE_RETURN_STAND_IN = '\u001d';

const restore = (value: string) => `replace(replace(${value}, $lf, '\\n'), $cr, '\\r')`;

const fix = (v: string) => `
  FOREACH (k IN coalesce(${v}.${EMPTY_LISTS_MARKER}, []) | SET ${v}[k] = [])
  FOREACH (k IN coalesce(${v}.${LINE_BREAKS_MARKER}, []) |
    SET ${v}[k] = CASE WHEN ${v}[k] IS :: STRING THEN ${restore(`${v}[k]`)} ELSE [s IN ${v}[k] | ${restore('s')}] END)
  REMOVE ${v}.${EMPTY_LISTS_MARKER}, ${v}.${LINE_BREAKS_MARKER}`;

export const FIX_MARKED_NODES = cypher(
  'bulk-fix-marked-nodes',
  `MATCH (n:${BULK_FIX_LABEL})
   CALL (n) { ${fix('n')} REMOVE n:${BULK_FIX_LABEL} } IN TRANSACTIONS OF 10000 ROWS`,
);

export const FIX_MARKED_RELATIONSHIPS = cypher(
  'bulk-fix-marked-relationships',
  `MATCH ()-[r]->() WHERE r.${EMPTY_LISTS_MARKER} IS NOT NULL OR r.${LINE_BREAKS_MARKER} IS NOT NULL
   CALL (r) { ${fix('r')} } IN TRANSACTIONS OF 10000 ROWS`,
);

export const AWAIT_INDEXES_LONG = cypher('bulk-await-indexes', 'CALL db.awaitIndexes($seconds)');
