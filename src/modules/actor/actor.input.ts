/** Arguments of `actors`. */
import { ArgsType, Field, Int } from 'type-graphql';
import { NodeKind } from '../../model/vocabulary';

@ArgsType()
export class ActorsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words to find in names and aliases; accents, case and Lucene syntax characters do not matter.',
  })
  search?: string | null;

  @Field(() => [NodeKind], {
    nullable: true,
    description: 'Only these kinds (Country, Organization, Person, Delegation); default: all four.',
  })
  kinds?: NodeKind[] | null;

  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}
