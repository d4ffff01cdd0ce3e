/** The error module: a status for every code, short quotes, masking, body-parser's errors as ours. */
import { loadConfig } from '../../src/config';
import { appError, ErrorCode, limitExceeded, QUOTE_CHARS, quote, quoteList } from '../../src/errors';
import { bodyError, errorResponse, HTTP_STATUS, MESSAGE_CHARS } from '../../src/http/errors';
import { createLogger } from '../../src/logger';

const options = { logger: createLogger('silent'), production: true };

describe('error codes and statuses', () => {
  it('gives every code of the enum a status, 4xx for client codes', () => {
    for (const code of Object.values(ErrorCode)) expect(HTTP_STATUS[code]).toBeDefined();
    const client = Object.values(ErrorCode).filter(
      (c) => ![ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT].includes(c),
    );
    for (const code of client) expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
    for (const code of client) expect(HTTP_STATUS[code]).toBeLessThan(500);
  });

  it('names a limit by its setting, whose value config has', () => {
    const config = loadConfig({});
    const error = limitExceeded('MAX_SUBGRAPH_SEEDS', config.MAX_SUBGRAPH_SEEDS, 'too many');
    expect(error.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'MAX_SUBGRAPH_SEEDS', max: 100 });
    expect([config.MAX_QUERY_ALIASES, config.MAX_QUERY_TOKENS]).toEqual([30, 2000]);
    expect(() => loadConfig({ MAX_SEARCH_TERMS: '400' })).toThrow(/MAX_SEARCH_TERMS/);
  });
});

describe('quote', () => {
  it('quotes a short value whole and a long one as a prefix with its length', () => {
    expect(quote('2025-13')).toBe('"2025-13"');
    const long = 'x'.repeat(100_000);
    expect(quote(long)).toBe(`"${'x'.repeat(QUOTE_CHARS)}"… (100000 characters)`);
    expect(quoteList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('"a", "b", "c", "d", "e" and 2 more');
  });
});

describe('errorResponse', () => {
  it('keeps a public message, cut to MESSAGE_CHARS, with its status', () => {
    const { status, body } = errorResponse(appError(ErrorCode.NOT_FOUND, 'y'.repeat(5000)), options);
    expect(status).toBe(404);
    expect(body.errors[0]!.message).toHaveLength(MESSAGE_CHARS + 1);
    expect(body.errors[0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('masks anything else in production, as a 500', () => {
    const { status, body } = errorResponse(new Error('password=hunter2 at db'), options);
    expect(status).toBe(500);
    expect(body).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });
});

describe('bodyError', () => {
  const config = { MAX_REQUEST_BYTES: 1024 };
  it.each([
    [{ status: 413, type: 'entity.too.large' }, 413, 'LIMIT_EXCEEDED'],
    [{ status: 400, type: 'entity.parse.failed' }, 400, 'BAD_USER_INPUT'],
    [{ status: 415, type: 'charset.unsupported' }, 415, 'BAD_USER_INPUT'],
    [{ status: 415, type: 'encoding.unsupported' }, 415, 'BAD_USER_INPUT'],
    [{ status: 400, message: 'incorrect header check' }, 400, 'BAD_USER_INPUT'],
  ])('maps %j to %d %s', (error, status, code) => {
    const mapped = errorResponse(bodyError(error, config), options);
    expect(mapped.status).toBe(status);
    expect(mapped.body.errors[0]!.extensions!.code).toBe(code);
    expect(mapped.body.errors[0]!.message).not.toContain('incorrect header');
  });

  it('leaves errors that are not a client’s body alone', () => {
    expect(bodyError(new Error('boom'), config)).toBeUndefined();
    expect(bodyError({ status: 500, type: 'stream.encoding.set' }, config)).toBeUndefined();
  });
});
