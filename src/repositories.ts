/**
 * The repositories of every module, built once per process over the one Executor. Resolvers,
 * the CLI and the HTTP routes reach the graph only through these.
 */
import type { Config } from './config';
import type { Executor } from './graph/executor';
import { SystemRepository } from './modules/system/system.repository';

export interface Repositories {
  system: SystemRepository;
}

export function createRepositories(executor: Executor, _config: Config): Repositories {
  return {
    system: new SystemRepository(executor),
  };
}
