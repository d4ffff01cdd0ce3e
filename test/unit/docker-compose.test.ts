/**
 * No Docker engine runs here, so the compose file is checked by reading it: it must agree with
 * the configuration module and the Neo4j the project runs itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, PROJECT_ROOT, SETTING_NAMES } from '../../src/config';

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'));
const pom = fs.readFileSync(path.join(PROJECT_ROOT, 'scripts', 'neo4j', 'pom.xml'), 'utf8');

describe('docker-compose.yml', () => {
  const neo4j = compose.services.neo4j;
  const api = compose.services.api;

  it('runs the same Neo4j line as the local launcher (5.26 Community)', () => {
    const localVersion = /<neo4j.version>([\d.]+)<\/neo4j.version>/.exec(pom)![1]!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(localVersion.startsWith('5.26.')).toBe(true);
  });

  it('takes the Neo4j password from the environment, never a default', () => {
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
    expect(api.environment.NEO4J_PASSWORD).toBe('${NEO4J_PASSWORD}');
  });

  it('has a healthcheck and a data volume for Neo4j, and starts the API after it is healthy', () => {
    expect(neo4j.healthcheck.test.join(' ')).toContain('7474');
    expect(neo4j.volumes[0]).toMatch(/:\/data$/);
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
  });

  it('gives the API only variables the configuration knows, and values it accepts', () => {
    for (const name of Object.keys(api.environment)) expect(SETTING_NAMES).toContain(name);
    const env = { ...api.environment, NEO4J_PASSWORD: 'a-password', API_KEY: undefined };
    const config = loadConfig(env);
    expect(config.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(config.HOST).toBe('0.0.0.0');
  });

  it('publishes the API port the config uses and the Bolt port', () => {
    const config = loadConfig({ PORT: api.environment.PORT });
    expect(api.ports).toContain(`${config.PORT}:${config.PORT}`);
    expect(neo4j.ports).toContain('7687:7687');
  });
});
