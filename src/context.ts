/**
 * The per-request context every resolver gets: the configuration, the repositories (the only way
 * to the graph), the request's batch loaders, and its round-trip counter. One per GraphQL request.
 */
import type { Config } from './config';
import type { RoundTripScope } from './graph/executor';
import type { Loaders } from './graph/loaders';
import type { Repositories } from './repositories';

export interface Context {
  config: Config;
  repositories: Repositories;
  loaders: Loaders;
  roundTrips: RoundTripScope;
  /** True when the request carried the configured API key (writes need it). */
  authorized: boolean;
}
