import { listFacilities } from '../../services/list-facilities';
import { NotFoundError } from '../../domain/errors';
import type { CommuneResolvers } from '../generated/resolvers';
import { checkFacilityFilter } from '../filters';
import { toPageArgs } from '../pagination';

export const Commune: CommuneResolvers = {
  province: async (c, _a, { loaders }) => {
    const province = await loaders.province.load(c.provinceCode);
    if (!province) throw new NotFoundError('Province', c.provinceCode);
    return province;
  },
  predecessors: (c, _a, { loaders }) => loaders.predecessors.load(c.code),
  resolvedFrom: (c) => c.resolvedFrom ?? null,
  facilities: async (c, args, { app }) => {
    const filter = { ...checkFacilityFilter(args.where), communeCode: c.code };
    return {
      page: await listFacilities(app, filter, toPageArgs(args, app.config.maxPageSize)),
      cursorOf: (f) => f.id,
    };
  },
};
