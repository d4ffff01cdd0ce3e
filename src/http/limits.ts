/**
 * Query limits, checked once an operation is resolved and before anything runs: depth and
 * aliases (graphql-armor's rules), and cost (graphql-query-complexity: each field costs 1, a
 * list field's cost is multiplied by the page size it asks for, fields may declare their own
 * `complexity`). Over a limit → LIMIT_EXCEEDED, HTTP 400, `limit` naming the setting, and no
 * Cypher is run. The token limit comes first, at parse time (graphql.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getVariableValues,
  isLeafType,
  isListType,
  Kind,
  type ValidationContext,
  type ValidationRule,
  validate,
} from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { appError, ErrorCode, type LimitSetting, limitExceeded } from '../errors';
import { withStatus } from './errors';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  defaultPageSize: number;
  maxPageSize: number;
  /** What a list that counts every pair of the graph (whoMetWhom without actorId) adds. */
  allPairsCost: number;
}

/** How many items a relationship list (participants, offices…) is assumed to hold. */
const LIST_FACTOR = 5;

/**
 * A paginated field costs its page size (`first`, capped at the maximum: a larger `first` is
 * refused by the resolver with BAD_USER_INPUT, not here) times its selection; a connection's
 * own `edges` list is already counted by that; any other list of objects counts LIST_FACTOR
 * times its selection.
 */
function pageSizeEstimator(defaultPageSize: number, maxPageSize: number): ComplexityEstimator {
  return ({ args, childComplexity, field, type }) => {
    const child = Math.max(1, childComplexity);
    if (field.args.some((a) => a.name === 'first')) {
      const first = typeof args?.first === 'number' ? args.first : defaultPageSize;
      return 1 + Math.min(Math.max(first, 1), maxPageSize) * child;
    }
    const named = getNamedType(field.type);
    if (isListType(getNullableType(field.type)) && !isLeafType(named) && !type.name.endsWith('Connection')) {
      return 1 + LIST_FACTOR * child;
    }
    return undefined;
  };
}

export function limitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  // Report the rejection as a validation error of the run below, rather than throwing from it.
  const report = {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, e: GraphQLError) => ctx?.reportError(e)],
  };
  const rules: Record<string, [ValidationRule, number]> = {
    MAX_QUERY_DEPTH: [maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...report }), limits.maxDepth],
    MAX_QUERY_ALIASES: [maxAliasesRule({ n: limits.maxAliases, ...report }), limits.maxAliases],
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          for (const [setting, [rule, max]] of Object.entries(rules)) {
            const [error] = validate(schema, document, [rule]);
            if (error) {
              throw withStatus(
                limitExceeded(setting as LimitSetting, max, error.message.replace(/^Syntax Error: /, '')),
              );
            }
          }
          // Several operations and no (or an unknown) operationName: nothing would run.
          if (!operation) {
            throw withStatus(
              appError(
                ErrorCode.BAD_USER_INPUT,
                'operationName: the document holds several operations; name the one to run',
                { argument: 'operationName' },
              ),
            );
          }
          // Variables that do not fit their types: execution refuses them (BAD_USER_INPUT, 400)
          // before any resolver runs, so there is no cost to check.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
            maxErrors: 1,
          });
          if (coerced.errors) return;
          // The chosen operation and the fragments, without graphql's separateOperations (which
          // walks every operation's dependencies, quadratic in their number).
          const query: DocumentNode = {
            kind: Kind.DOCUMENT,
            definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
          };
          const cost = getComplexity({
            schema,
            query,
            variables: request.variables ?? {},
            // Field estimators (a field's own `complexity`) read the limits from here.
            context: limits,
            estimators: [
              fieldExtensionsEstimator(),
              pageSizeEstimator(limits.defaultPageSize, limits.maxPageSize),
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (cost > limits.maxCost) {
            throw withStatus(
              limitExceeded(
                'MAX_QUERY_COST',
                limits.maxCost,
                `The query costs ${cost}, over the limit of ${limits.maxCost}: ask for fewer or smaller pages.`,
                { cost },
              ),
            );
          }
        },
      };
    },
  };
}
