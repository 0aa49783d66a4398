/** Integrators: import in the documented format, and the change feed for incremental sync. */
import DataLoader from 'dataloader';
import { authorize } from '../../auth/policy';
import { BadInputError } from '../../domain/errors';
import { findOldCommunes } from '../../import/find-old-communes';
import { importDirectory } from '../../import/import-directory';
import { parseNdjson } from '../../import/parse-import';
import type { OfferingRecord } from '../../store/port';
import { changeKey, listChanges } from '../../sync/list-changes';
import type { GraphQLContext } from '../context';
import type { ChangeResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { decodeCursor } from '../pagination';

/** NDJSON sent inline through GraphQL (the HTTP body cap is 1 MB); larger files: `npm run cli -- import`. */
export const MAX_INLINE_BYTES = 900_000;

/** One offering loader per request, so a page of changes costs one offering lookup. */
const offeringLoaders = new WeakMap<object, DataLoader<string, OfferingRecord | null>>();
function offeringLoader({ app, loaders }: GraphQLContext) {
  let loader = offeringLoaders.get(loaders);
  if (!loader)
    offeringLoaders.set(loaders, (loader = new DataLoader((ids) => app.directoryReads.offeringsById(ids))));
  return loader;
}

export const IntegrationQuery: Pick<QueryResolvers, 'changes' | 'communesByOldName'> = {
  communesByOldName: async (_p, place, { app, loaders }) => {
    const found = await findOldCommunes(app.directoryReads, place);
    const successors = await Promise.all(found.map((l) => loaders.commune.load(l.successorCode)));
    return found.flatMap((l, i) => (successors[i] ? [{ ...successors[i], resolvedFrom: l }] : []));
  },
  // The feed is how an integrator mirrors the directory: the same roles as import.
  changes: async (_p, { since, first, after }, { app, viewer }) => {
    authorize(viewer, 'directory.import');
    const page = await listChanges(app.changeFeed, {
      since,
      first: first ?? 100,
      afterKey: after ? decodeCursor(after) : null,
    });
    return { page, cursorOf: changeKey };
  },
};

export const IntegrationMutation: Pick<MutationResolvers, 'importDirectory'> = {
  importDirectory: async (_p, { ndjson, dryRun, skipInvalid }, { app, viewer }) => {
    authorize(viewer, 'directory.import');
    if (Buffer.byteLength(ndjson, 'utf8') > MAX_INLINE_BYTES) {
      throw new BadInputError(
        `ndjson is over ${MAX_INLINE_BYTES} bytes; use npm run cli -- import for large files`,
      );
    }
    const parsed = parseNdjson(ndjson, 'ndjson');
    return importDirectory({
      into: app,
      rows: parsed.rows,
      parseProblems: parsed.problems,
      dryRun: !!dryRun,
      skipInvalid: !!skipInvalid,
    });
  },
};

export const Change: ChangeResolvers = {
  facility: (c, _a, { loaders }) =>
    c.kind !== 'DELETED' && c.entity === 'Facility' ? loaders.facility.load(c.id) : null,
  offering: (c, _a, ctx) =>
    c.kind !== 'DELETED' && c.entity === 'Offering' ? offeringLoader(ctx).load(c.id) : null,
  organization: (c, _a, { loaders }) =>
    c.kind !== 'DELETED' && c.entity === 'Organization' ? loaders.organization.load(c.id) : null,
};
