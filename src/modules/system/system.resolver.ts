/** `about`: a query answered from Neo4j that says which server and database answer. */
import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { VERSION } from '../../version';
import { About } from './system.type';

@Resolver()
export class SystemResolver {
  @Query(() => About, { description: 'This server, its version and the Neo4j database behind it.' })
  async about(@Ctx() ctx: Context): Promise<About> {
    const [info, counts] = await Promise.all([ctx.repositories.system.serverInfo(), ctx.repositories.system.counts()]);
    return {
      version: VERSION,
      neo4jVersion: info.version,
      neo4jEdition: info.edition,
      database: ctx.config.NEO4J_DATABASE,
      nodeCount: counts.nodes,
      relationshipCount: counts.relationships,
    };
  }
}
