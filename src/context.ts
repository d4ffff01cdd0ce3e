/**
 * The per-request context every resolver gets: the configuration, the repositories (the only way
 * to the graph), and the request's round-trip counter. One context per GraphQL request.
 */
import type { Config } from './config';
import type { RoundTripScope } from './graph/executor';
import type { Repositories } from './repositories';

export interface Context {
  config: Config;
  repositories: Repositories;
  roundTrips: RoundTripScope;
  /** True when the request carried the configured API key (writes need it). */
  authorized: boolean;
}
