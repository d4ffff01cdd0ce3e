/** Arguments of `whoMetWhom`. */
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MeetingMedium } from '../../model/vocabulary';

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

  @Field(() => [MeetingMedium], {
    nullable: true,
    description:
      'Only meetings held through these media; default [IN_PERSON]. A meeting whose medium no source gives counts as IN_PERSON (a meeting is taken to be in person unless a source says it was a call): it is included whenever IN_PERSON is listed, and left out by e.g. [PHONE, VIDEO]. `media: [IN_PERSON, PHONE]` adds telephone calls. An empty list matches nothing.',
  })
  media?: MeetingMedium[] | null;

  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
