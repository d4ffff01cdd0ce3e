/** The `about` type: this server, its version and the database behind it. */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'This diplograph server and the Neo4j database it reads.' })
export class About {
  @Field(() => String, { description: 'diplograph version.' })
  version!: string;

  @Field(() => String, { description: 'Neo4j version, e.g. "5.26.29".' })
  neo4jVersion!: string;

  @Field(() => String, { description: 'Neo4j edition ("community" or "enterprise").' })
  neo4jEdition!: string;

  @Field(() => String, { description: 'Neo4j database name queried.' })
  database!: string;

  @Field(() => Int, { description: 'Number of nodes in the graph.' })
  nodeCount!: number;

  @Field(() => Int, { description: 'Number of relationships in the graph.' })
  relationshipCount!: number;
}
