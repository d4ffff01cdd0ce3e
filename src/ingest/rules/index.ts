/**
 * The rules a facts document must follow beyond its schema, in the order they run (as
 * graphql-js's specifiedRules). Each rule checks one concern; problems are sorted by line after.
 */
import type { ValidationRule } from './context';
import { countryCodes } from './country-codes';
import { endpointKinds } from './endpoint-kinds';
import { evidenceQuotes } from './evidence-quotes';
import { graphKinds } from './graph-kinds';
import { knownReferences } from './known-references';
import { meetingTimePrecision } from './meeting-time-precision';
import { noSelfReference } from './no-self-reference';
import { pastEvents } from './past-events';
import { periodOrder } from './period-order';
import { publisherKind } from './publisher-kind';
import { quoteStatementText } from './quote-statement-text';
import { requiredRelationships } from './required-relationships';
import { sameAsKinds } from './same-as-kinds';
import { uniqueIds } from './unique-ids';
import { uniqueRelationships } from './unique-relationships';

export type { ValidationContext, ValidationRule } from './context';

export const specifiedRules: readonly ValidationRule[] = [
  // Entities
  uniqueIds,
  graphKinds,
  countryCodes,
  evidenceQuotes,
  quoteStatementText,
  meetingTimePrecision,
  pastEvents,
  // The source
  publisherKind,
  // Relationships
  knownReferences,
  endpointKinds,
  sameAsKinds,
  noSelfReference,
  uniqueRelationships,
  periodOrder,
  // Across both
  requiredRelationships,
];
