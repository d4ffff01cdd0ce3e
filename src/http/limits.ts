/**
 * Query limits, checked once an operation is resolved and before anything runs: depth and
 * aliases (graphql-armor's rules), and cost (graphql-query-complexity: each field costs 1, a
 * list field's cost is multiplied by the page size it asks for, fields may declare their own
 * `complexity`). Over a limit → LIMIT_EXCEEDED, HTTP 400, and no Cypher is run.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type GraphQLError, type GraphQLSchema, separateOperations, type ValidationContext, validate } from 'graphql';
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
}

/** Multiplies a list field's cost by its `first` argument (or the default page size). */
function pageSizeEstimator(defaultPageSize: number): ComplexityEstimator {
  return ({ args, childComplexity, field }) => {
    const type = String(field.type);
    if (!type.includes('[') && !/Connection!?$/.test(type)) return undefined;
    const first = typeof args?.first === 'number' ? args.first : defaultPageSize;
    return 1 + Math.max(1, first) * Math.max(1, childComplexity);
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
            estimators: [
              fieldExtensionsEstimator(),
              pageSizeEstimator(limits.defaultPageSize),
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
