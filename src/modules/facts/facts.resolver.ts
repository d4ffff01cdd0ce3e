/** The writes of the API, behind the API key: `importFacts` and `removeSource`. */
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { appError, ErrorCode } from '../../errors';
import { ImportReport, RemoveReport } from './facts.type';

function requireWriteAccess(ctx: Context): void {
  if (!ctx.config.API_KEY) {
    throw appError(ErrorCode.FORBIDDEN, 'Writes are disabled on this server (no API_KEY is configured).');
  }
  if (!ctx.authorized) throw appError(ErrorCode.UNAUTHENTICATED, 'Send the API key in the x-api-key header.');
}

@Resolver()
export class FactsResolver {
  @Mutation(() => ImportReport, {
    description:
      'Validates a facts document (YAML or JSON, see seed/README.md) and loads it in one transaction, as claims of its source; loading it again changes nothing. Needs the x-api-key header. A document with problems is refused whole (INVALID_DOCUMENT, with every problem in extensions.problems); one whose source id is in the graph with another text is refused (CONFLICT) unless `replace`.',
  })
  importFacts(
    @Arg('document', () => String, { description: 'The facts document, with `source.text` inline.' }) document: string,
    @Arg('dryRun', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Validate and report what the import would do, writing nothing.',
    })
    dryRun: boolean | null,
    @Arg('replace', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        "Allow a document whose source id is in the graph with another text: the old source's claims go, in the same transaction.",
    })
    replace: boolean | null,
    @Ctx() ctx: Context,
  ) {
    requireWriteAccess(ctx);
    return ctx.repositories.facts.import(document, { dryRun: dryRun === true, replace: replace === true });
  }

  @Mutation(() => RemoveReport, {
    description:
      'Takes a source out in one transaction: its claims go, and every node and relationship no other source supports; values are derived again from the claims that remain. Needs the x-api-key header. NOT_FOUND for an unknown source; CONFLICT when relationships of other sources need its nodes.',
  })
  removeSource(@Arg('id', () => ID, { description: 'The source id.' }) id: string, @Ctx() ctx: Context) {
    requireWriteAccess(ctx);
    return ctx.repositories.facts.removeSource(id);
  }
}
