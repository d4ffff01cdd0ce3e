/**
 * Query limits, checked once an operation is resolved and before anything runs: depth and
 * aliases (graphql-armor's rules), and cost (graphql-query-complexity: each field costs 1, a
 * list field's cost is multiplied by the page size it asks for, fields may declare their own
 * `complexity`). Over a limit → LIMIT_EXCEEDED, HTTP 400, and no Cypher is run.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  separateOperations,
  type ValidationContext,
  validate,
} from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { limitExceeded } from '../errors';

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
  const rules = {
    depth: maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...report }),
    aliases: maxAliasesRule({ n: limits.maxAliases, ...report }),
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          for (const [limit, rule] of Object.entries(rules)) {
            const [error] = validate(schema, document, [rule]);
            if (error) throw withStatus(limitExceeded(limit, error.message.replace(/^Syntax Error: /, '')));
          }
          const operation = operationName ? (separateOperations(document)[operationName] ?? document) : document;
          const cost = getComplexity({
            schema,
            query: operation,
            operationName: operationName ?? undefined,
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
                'cost',
                `The query costs ${cost}, over the limit of ${limits.maxCost}: ask for fewer or smaller pages.`,
                {
                  cost,
                  maxCost: limits.maxCost,
                },
              ),
            );
          }
        },
      };
    },
  };
}

function withStatus(error: GraphQLError): GraphQLError {
  (error.extensions as Record<string, unknown>).http = { status: 400 };
  return error;
}
