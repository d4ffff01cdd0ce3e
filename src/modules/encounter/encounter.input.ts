/** Arguments of `whoMetWhom`. */
import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class WhoMetWhomArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The actor whose counterparts to list; omit it for every pair who met. An unknown id gives an empty list.',
  })
  actorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).',
  })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Only meetings on or before this date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only meetings held at this place or inside it.' })
  placeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
