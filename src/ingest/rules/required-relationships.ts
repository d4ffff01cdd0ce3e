/**
 * MISSING_RELATIONSHIP: a statement says who stated it (STATED_BY), a delegation which country it
 * represents (REPRESENTS) — in this document, or already in the graph: a later source that
 * redeclares a delegation to add its head need not repeat the REPRESENTS another source gave
 * (`ParseOptions.knownRelationships`).
 */
import { NodeKind, RelType } from '../../model/vocabulary';
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

/** The relationship each kind must have, and how a missing one is asked for. */
export const REQUIRED_RELATIONSHIPS: Readonly<
  Partial<Record<NodeKind, { type: RelType; ask: (id: string) => string }>>
> = {
  [NodeKind.Statement]: { type: RelType.STATED_BY, ask: (id) => `statement "${id}" has no STATED_BY: who said it?` },
  [NodeKind.Delegation]: {
    type: RelType.REPRESENTS,
    ask: (id) => `delegation "${id}" has no REPRESENTS: which country does it represent?`,
  },
};

/** The form of `ParseOptions.knownRelationships`' entries. */
export function knownRelationshipKey(fromId: string, type: RelType): string {
  return `${fromId} ${type}`;
}

export const requiredRelationships: ValidationRule = (context) => {
  const linked = new Set<string>();
  for (const { type, relationship } of context.relationships) {
    const { from, to } = relationship;
    if (type !== null && typeof from === 'string' && typeof to === 'string') {
      linked.add(knownRelationshipKey(from, type));
    }
  }
  const known = context.options.knownRelationships;
  for (const { id, index, at, kind } of context.entities) {
    if (id === undefined || kind === undefined || context.declared.get(id)?.index !== index) continue;
    const required = REQUIRED_RELATIONSHIPS[kind];
    if (required === undefined) continue;
    const key = knownRelationshipKey(id, required.type);
    if (!linked.has(key) && !known?.has(key)) context.report(at, ProblemCode.MISSING_RELATIONSHIP, required.ask(id));
  }
};
