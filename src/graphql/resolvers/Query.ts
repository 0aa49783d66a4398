import { listFacilities } from '../../services/list-facilities';
import { LIMITS } from '../../domain/input-limits';
import { BadInputError, NotFoundError } from '../../domain/errors';
import { rankSearchHits } from '../../domain/text/rank-search';
import { tokenize } from '../../domain/text/fold-diacritics';
import { resolveCommune } from '../../services/resolve-commune';
import type { QueryResolvers } from '../generated/resolvers';
import { toPageArgs } from '../pagination';
import { checkFacilityFilter, checkCommuneFilter } from '../filters';

const MAX_SEARCH_TEXT = LIMITS.searchText;

export const Query: QueryResolvers = {
  ok: () => true,
  provinces: (_p, _a, { app }) => app.directoryReads.provinces(),
  province: (_p, { code }, { loaders }) => loaders.province.load(code),
  commune: async (_p, { code, asOf }, { app }) => {
    const commune = await resolveCommune(app.directoryReads, code, asOf);
    if (!commune) throw new NotFoundError('Commune', code);
    return commune;
  },
  communes: async (_p, args, { app }) => {
    const page = await app.directoryReads.communes(
      checkCommuneFilter(args.where),
      toPageArgs(args, app.config.maxPageSize),
    );
    return { page, cursorOf: (c) => c.code };
  },
  facility: async (_p, { id }, { loaders }) => {
    const facility = await loaders.facility.load(id);
    if (!facility) throw new NotFoundError('Facility', id);
    return facility;
  },
  facilityByIdentifier: (_p, { system, value }, { app }) =>
    app.directoryReads.facilityByIdentifier(`${system}|${value}`),
  facilities: async (_p, args, { app }) => {
    const filter = checkFacilityFilter(args.where);
    const page = await listFacilities(app, filter, toPageArgs(args, app.config.maxPageSize));
    return { page, cursorOf: (f) => f.id };
  },
  serviceTypes: (_p, _a, { app }) => app.directoryReads.serviceTypes(),
  search: async (_p, { text, first }, { app }) => {
    if (text.length > MAX_SEARCH_TEXT)
      throw new BadInputError(`text must be at most ${MAX_SEARCH_TEXT} characters`);
    const tokens = tokenize(text);
    if (tokens.length === 0) throw new BadInputError('text must contain at least one letter or digit');
    const limit = first ?? 20;
    if (limit < 1 || limit > app.config.maxPageSize) {
      throw new BadInputError(`first must be between 1 and ${app.config.maxPageSize}`);
    }
    // Fetch more than asked: the store filters, ranking happens here.
    const hits = await app.directoryReads.searchNames(tokens, Math.max(200, limit * 10));
    return rankSearchHits(hits, text).slice(0, limit);
  },
};
