/** INVALID_ID: a country's `iso3`, when given, is the code in its id. */
import { NodeKind } from '../../model/vocabulary';
import { ProblemCode } from '../problems';
import type { ValidationRule } from './context';

export const countryCodes: ValidationRule = (context) => {
  for (const { id, at, kind, entity } of context.entities) {
    if (id === undefined || kind !== NodeKind.Country || typeof entity.iso3 !== 'string') continue;
    if (`country:${entity.iso3}` !== id) {
      context.report([...at, 'iso3'], ProblemCode.INVALID_ID, `iso3 "${entity.iso3}" differs from the id "${id}"`);
    }
  }
};
