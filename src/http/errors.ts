/**
 * Every error a client of the HTTP server sees is shaped here, and here only: the HTTP status of
 * each code, the masking of internal errors, the shortening of long messages, and the JSON body
 * `{ errors: [{ message, extensions: { code, … } }] }` — for GraphQL (Apollo's formatError and
 * the status of a response that carries no data), for GET /export before its first byte, and for
 * requests that never reach either (a body too large, not JSON, in an unknown encoding).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../config';
import { appError, ErrorCode, limitExceeded, PUBLIC_CODES } from '../errors';
import type { Logger } from '../logger';

/** The HTTP status of each code; a code not listed answers 500. */
export const HTTP_STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.INVALID_DOCUMENT]: 400,
  [ErrorCode.LIMIT_EXCEEDED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
};

export function httpStatus(code: string | undefined): number {
  return (code && HTTP_STATUS[code]) || 500;
}

/**
 * A public message longer than this is cut: graphql-js quotes whole values ("Variable "$from" got
 * invalid value …") and a stack trace repeats the message, so one long argument would come back
 * twice over. Our own messages quote at most a short prefix (`quote` in errors.ts).
 */
export const MESSAGE_CHARS = 300;

export interface ErrorOptions {
  logger: Logger;
  /** Masks the message of an internal error (NODE_ENV=production). */
  production: boolean;
}

export interface ErrorBody {
  errors: GraphQLFormattedError[];
}

/**
 * graphql-js's message when a document passes `parseOptions.maxTokens` (graphql is pinned by
 * package.json's overrides; the hardening test fails if the wording changes).
 */
const TOO_MANY_TOKENS = /Document contains more tha[nt] \d+ tokens/;

/**
 * What a client sees of one error: a public code keeps its (shortened) message; anything else is
 * logged with its cause and, in production, shown as an internal error without details.
 */
export function publicError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorOptions & { maxTokens?: number },
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'GRAPHQL_PARSE_FAILED' && options.maxTokens !== undefined && TOO_MANY_TOKENS.test(formatted.message)) {
    const max = options.maxTokens;
    return publicError(
      limitExceeded('MAX_QUERY_TOKENS', max, `The document has more than ${max} tokens: send a smaller one.`).toJSON(),
      error,
      options,
    );
  }
  if (code && PUBLIC_CODES.has(code)) return shortened(formatted);
  options.logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, formatted.message);
  if (!options.production) return shortened(formatted);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function shortened(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const cut = (text: string) => (text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS)}…` : text);
  const stacktrace = formatted.extensions?.stacktrace;
  const extensions = Array.isArray(stacktrace)
    ? { ...formatted.extensions, stacktrace: stacktrace.map((line) => cut(String(line))) }
    : formatted.extensions;
  return { ...formatted, message: cut(formatted.message), ...(extensions ? { extensions } : {}) };
}

/** The status and body for an error outside GraphQL (an export, a body that could not be read). */
export function errorResponse(error: unknown, options: ErrorOptions): { status: number; body: ErrorBody } {
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : appError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', {}, error);
  const { http, ...extensions } = graphqlError.extensions as { http?: { status?: number } };
  const formatted = publicError({ message: graphqlError.message, extensions }, error, options);
  const code = formatted.extensions?.code as string | undefined;
  return { status: http?.status ?? httpStatus(code), body: { errors: [formatted] } };
}

export function sendError(res: Response, error: unknown, options: ErrorOptions): void {
  const { status, body } = errorResponse(error, options);
  res.status(status).json(body);
}

/** Why body-parser refused a body (its `type`), in our words: nothing of the body is quoted. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'Request body is not valid JSON',
  'charset.unsupported': 'Request body charset is not supported: send UTF-8',
  'encoding.unsupported': 'Request body content-encoding is not supported: send gzip, deflate, br or none',
  'request.aborted': 'Request body was not sent completely',
  'request.size.invalid': 'Request body is not as long as its Content-Length says',
};

/**
 * body-parser's errors (http-errors with a 4xx status and a `type`) as ours: too large →
 * LIMIT_EXCEEDED 413; any other client mistake (not JSON, unknown charset or encoding, a corrupt
 * gzip stream) → BAD_USER_INPUT with body-parser's status. Anything else is not a body error.
 */
export function bodyError(error: unknown, config: Pick<Config, 'MAX_REQUEST_BYTES'>): GraphQLError | undefined {
  const e = error as { type?: string; status?: number };
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500) return undefined;
  if (e.type === 'entity.too.large') {
    return withStatus(
      limitExceeded(
        'MAX_REQUEST_BYTES',
        config.MAX_REQUEST_BYTES,
        `Request body too large: at most ${config.MAX_REQUEST_BYTES} bytes`,
      ),
      413,
    );
  }
  const message = (e.type && BODY_ERRORS[e.type]) ?? 'Request body could not be read (is its content-encoding right?)';
  return withStatus(appError(ErrorCode.BAD_USER_INPUT, message), e.status);
}

/** Sets the HTTP status Apollo (and `errorResponse`) answer for a request that fails with `error`. */
export function withStatus(error: GraphQLError, status = httpStatus(error.extensions.code as string)): GraphQLError {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}

/**
 * A GraphQL response that carries no data failed as a whole: it answers with the status of its
 * first error's code (a search too long → 400, the graph down → 503), not 200. A response with
 * data keeps 200, as GraphQL over HTTP asks, whatever errors sit beside the data.
 */
export const errorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || (data !== null && data !== undefined)) return;
        if (response.http.status !== undefined && response.http.status !== 200) return;
        response.http.status = httpStatus(errors[0]!.extensions?.code as string | undefined);
      },
    };
  },
};
