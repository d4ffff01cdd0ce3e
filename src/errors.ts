/**
 * The one enum of error codes clients see in `errors[].extensions.code`, and helpers that build
 * GraphQLErrors with them. Codes are stable API: add, never rename.
 */
import { GraphQLError } from 'graphql';
import type { Config } from './config';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  CONFLICT = 'CONFLICT',
  TIMEOUT = 'TIMEOUT',
  UNAVAILABLE = 'UNAVAILABLE',
  INVALID_DOCUMENT = 'INVALID_DOCUMENT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes whose messages are safe to show in production (they describe the request, not us). */
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.LIMIT_EXCEEDED,
  ErrorCode.CONFLICT,
  ErrorCode.TIMEOUT,
  ErrorCode.UNAVAILABLE,
  ErrorCode.INVALID_DOCUMENT,
  // Apollo's own codes for requests that never reached a resolver.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function appError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  cause?: unknown,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions }, originalError: asError(cause) });
}

/** Bad argument: names the argument so a client can point at it. */
export function badInput(argument: string, message: string): GraphQLError {
  return appError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });
}

/** A setting of config.ts that caps a request. */
export type LimitSetting = Extract<keyof Config, `MAX_${string}`>;

/**
 * Over a configured cap: `limit` names the setting (so an operator knows what to raise) and
 * `max` gives its value.
 */
export function limitExceeded(
  limit: LimitSetting,
  max: number,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return appError(ErrorCode.LIMIT_EXCEEDED, message, { limit, max, ...extensions });
}

/** How much of a client's own text an error message quotes back. */
export const QUOTE_CHARS = 40;

/**
 * A client's value as an error message quotes it: JSON-quoted, cut to its first QUOTE_CHARS
 * characters, so a 100 KB argument gives a short error, not a 100 KB one.
 */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  if (text.length <= QUOTE_CHARS) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, QUOTE_CHARS))}… (${text.length} characters)`;
}

/** A list of client values, quoted, with at most `shown` of them. */
export function quoteList(values: readonly unknown[], shown = 5): string {
  const listed = values.slice(0, shown).map(quote).join(', ');
  return values.length > shown ? `${listed} and ${values.length - shown} more` : listed;
}

export function errorCode(error: unknown): string | undefined {
  if (error instanceof GraphQLError) return error.extensions?.code as string | undefined;
  return undefined;
}

function asError(cause: unknown): Error | undefined {
  if (cause === undefined) return undefined;
  return cause instanceof Error ? cause : new Error(String(cause));
}
