/** What the server knows about itself and its database, for `about` and /healthz. */
import type { Executor, ServerInfo } from '../../graph/executor';
import { SYSTEM_COUNTS } from './system.cypher';

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

export class SystemRepository {
  constructor(private readonly executor: Executor) {}

  serverInfo(): Promise<ServerInfo> {
    return this.executor.serverInfo();
  }

  async counts(): Promise<GraphCounts> {
    const [row] = await this.executor.read<GraphCounts>(SYSTEM_COUNTS);
    return row ?? { nodes: 0, relationships: 0 };
  }
}
