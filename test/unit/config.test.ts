import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('gives every setting its documented default', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.DEFAULT_PAGE_SIZE).toBe(20);
    expect(config.MAX_PAGE_SIZE).toBe(100);
    expect(config.GRAPHQL_INTROSPECTION).toBe(true);
    expect(config.API_KEY).toBeUndefined();
  });

  it('parses numbers and booleans from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      GRAPHQL_INTROSPECTION: 'false',
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
    });
    expect(config.PORT).toBe(8080);
    expect(config.GRAPHQL_INTROSPECTION).toBe(false);
    expect(config.NEO4J_URI).toBe('neo4j+s://abc.databases.neo4j.io');
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be at most 65535/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must look like bolt:\/\//],
    ['NODE_ENV', 'staging', /NODE_ENV/],
    ['GRAPHQL_INTROSPECTION', 'maybe', /GRAPHQL_INTROSPECTION/],
    ['API_KEY', 'short', /API_KEY must be at least 16 characters/],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(name);
    expect((caught as ConfigError).message).toMatch(message);
    expect((caught as ConfigError).message).not.toContain('\n');
  });

  it('checks settings against each other', () => {
    expect(() => loadConfig({ DEFAULT_PAGE_SIZE: '500', MAX_PAGE_SIZE: '100' })).toThrow(/DEFAULT_PAGE_SIZE/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS/,
    );
  });

  it('bounds slow clients and connection waits by default, well below the 60 s and 300 s of Node', () => {
    const config = loadConfig({});
    expect(config.HTTP_HEADERS_TIMEOUT_MS).toBe(10_000);
    expect(config.HTTP_REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(config.HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(5_000);
    expect(config.NEO4J_ACQUIRE_TIMEOUT_MS).toBe(5_000);
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '50' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS must be at least 100/);
  });
});
