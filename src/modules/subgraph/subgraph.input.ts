/** Arguments of `subgraph` and `path`. */
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ExportFormat } from '../../export';
import { RelType } from '../../model/vocabulary';
import { CsvTableEnum } from '../common/enums';

@ArgsType()
export class SubgraphArgs {
  @Field(() => [ID], { description: 'Ids to start from (unknown ids are ignored).' })
  seedIds!: string[];

  @Field(() => Int, {
    defaultValue: 1,
    description: 'How many relationships away from a seed to go (at most MAX_SUBGRAPH_DEPTH, default 4).',
  })
  depth!: number;

  @Field(() => [RelType], { nullable: true, description: 'Follow and keep only these relationship types.' })
  relationshipTypes?: RelType[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Leave out meetings before this date (YYYY, YYYY-MM or YYYY-MM-DD).',
  })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Leave out meetings after this date.' })
  to?: string | null;
}

@ArgsType()
export class PathArgs {
  @Field(() => ID)
  fromId!: string;

  @Field(() => ID)
  toId!: string;

  @Field(() => Int, { defaultValue: 4, description: 'Longest path to look for (at most MAX_PATH_HOPS, default 6).' })
  maxHops!: number;
}

@ArgsType()
export class ExportArgs extends SubgraphArgs {
  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field(() => CsvTableEnum, { nullable: true, description: 'CSV only: the nodes or the edges table (default NODES).' })
  table?: CsvTableEnum | null;
}
