/** `importFacts`: the one write of the API, behind the API key. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { appError, ErrorCode } from '../../errors';
import { ImportResult } from './facts.type';

@Resolver()
export class FactsResolver {
  @Mutation(() => ImportResult, {
    description:
      'Validates a facts document (YAML or JSON, see seed/README.md) and loads it in one transaction; loading it again changes nothing. Needs the x-api-key header. A document with problems is refused whole (INVALID_DOCUMENT, with every problem in extensions.problems).',
  })
  importFacts(
    @Arg('document', () => String, { description: 'The facts document, with `source.text` inline.' }) document: string,
    @Ctx() ctx: Context,
  ) {
    if (!ctx.config.API_KEY) {
      throw appError(ErrorCode.FORBIDDEN, 'Writes are disabled on this server (no API_KEY is configured).');
    }
    if (!ctx.authorized) throw appError(ErrorCode.UNAUTHENTICATED, 'Send the API key in the x-api-key header.');
    return ctx.repositories.facts.import(document);
  }
}
