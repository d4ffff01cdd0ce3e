/** Arguments of `meetings`. */
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MeetingStatus } from '../../model/vocabulary';
import { MeetingOrder } from '../common/enums';

@InputType('MeetingFilter', { description: 'Every condition given must hold. Unknown ids match nothing.' })
export class MeetingFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Meetings this actor took part in: itself, as a delegation member, or through a delegation representing it.',
  })
  participantId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Meetings held at this place or anywhere inside it (a city finds its venues).',
  })
  placeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).',
  })
  to?: string | null;

  @Field(() => MeetingStatus, { nullable: true })
  status?: MeetingStatus | null;
}

@ArgsType()
export class MeetingsArgs {
  @Field(() => MeetingFilter, { nullable: true })
  filter?: MeetingFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => MeetingOrder, { nullable: true, defaultValue: MeetingOrder.DATE_ASC })
  orderBy?: MeetingOrder;
}
