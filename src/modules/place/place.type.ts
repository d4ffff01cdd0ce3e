/** Places: venues inside cities inside countries (`LOCATED_IN`). */
import { Field, Float, ObjectType } from 'type-graphql';
import { PlaceKind } from '../../model/vocabulary';
import { NodeInterface } from '../node/node.type';

@ObjectType('Place', {
  simpleResolvers: true,
  implements: NodeInterface,
  description: 'A venue, city or region. `locatedIn` climbs venue → city → country.',
})
export class Place extends NodeInterface {
  @Field(() => PlaceKind)
  placeKind!: PlaceKind;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}
