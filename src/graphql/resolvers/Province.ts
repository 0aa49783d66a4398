import type { ProvinceResolvers } from '../generated/resolvers';
import { checkCommuneFilter } from '../filters';
import { toPageArgs } from '../pagination';

export const Province: ProvinceResolvers = {
  communes: async (p, args, { app }) => {
    const filter = { ...checkCommuneFilter(args.where), provinceCode: p.code };
    return {
      page: await app.directoryReads.communes(filter, toPageArgs(args, app.config.maxPageSize)),
      cursorOf: (c) => c.code,
    };
  },
};
