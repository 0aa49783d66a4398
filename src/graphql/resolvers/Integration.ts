/** Integrators: import in the documented format, and the change feed for incremental sync. */
import { authorize } from '../../auth/policy';
import { BadInputError } from '../../domain/errors';
import { importDirectory } from '../../import/import-directory';
import { parseNdjson } from '../../import/parse-import';
import { changeKey, listChanges } from '../../sync/list-changes';
import type { ChangeResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { decodeCursor } from '../pagination';

/** NDJSON sent inline through GraphQL; larger directories go through `npm run cli -- import`. */
const MAX_INLINE_BYTES = 900_000;

export const IntegrationQuery: Pick<QueryResolvers, 'changes'> = {
  changes: async (_p, { since, first, after }, { app, viewer }) => {
    authorize(viewer, 'directory.read');
    const page = await listChanges(app.store, {
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
      app,
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
  offering: async (c, _a, { app }) =>
    c.kind !== 'DELETED' && c.entity === 'Offering'
      ? ((await app.store.offeringsById([c.id]))[0] ?? null)
      : null,
  organization: (c, _a, { loaders }) =>
    c.kind !== 'DELETED' && c.entity === 'Organization' ? loaders.organization.load(c.id) : null,
};
