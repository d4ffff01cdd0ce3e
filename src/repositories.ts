/**
 * The repositories of every module, built once per process over the one Executor. Resolvers,
 * the CLI and the HTTP routes reach the graph only through these (or the per-request Loaders).
 */
import type { Config } from './config';
import type { Executor } from './graph/executor';
import { ActorRepository } from './modules/actor/actor.repository';
import { EncounterRepository } from './modules/encounter/encounter.repository';
import { FactsRepository } from './modules/facts/facts.repository';
import { MeetingRepository } from './modules/meeting/meeting.repository';
import { NodeRepository } from './modules/node/node.repository';
import { SubgraphRepository } from './modules/subgraph/subgraph.repository';
import { SystemRepository } from './modules/system/system.repository';

export interface Repositories {
  system: SystemRepository;
  actor: ActorRepository;
  meeting: MeetingRepository;
  node: NodeRepository;
  encounter: EncounterRepository;
  facts: FactsRepository;
  subgraph: SubgraphRepository;
}

export function createRepositories(executor: Executor, config: Config): Repositories {
  return {
    system: new SystemRepository(executor),
    actor: new ActorRepository(executor, config),
    meeting: new MeetingRepository(executor, config),
    node: new NodeRepository(executor),
    encounter: new EncounterRepository(executor, config),
    facts: new FactsRepository(executor, config),
    subgraph: new SubgraphRepository(executor, config),
  };
}
