/** Resolvers for travel time, neighbours and nearest providers (all read the in-memory read model). */
import { authorize } from '../../auth/policy';
import { NotFoundError } from '../../domain/errors';
import type { CommuneResolvers, QueryResolvers } from '../generated/resolvers';

export const RoutingQuery: Pick<QueryResolvers, 'travelTime' | 'nearestProviders'> = {
  travelTime: async (_p, { fromCommune, toCommune, mode, season }, { app, viewer }) => {
    authorize(viewer, 'routing.read');
    const result = await app.routing.travelTime({ from: fromCommune, to: toCommune, mode, season });
    if (!result) return null;
    const communes = result.route
      .map((code) => app.readModel.communes.get(code))
      .filter((c) => c !== undefined);
    return { ...result, communes };
  },
  nearestProviders: (_p, { input }, { app, viewer }) => {
    authorize(viewer, 'routing.read');
    return app.routing.nearestProviders(input);
  },
};

export const CommuneRouting: Pick<CommuneResolvers, 'neighbours'> = {
  neighbours: async (c, { mode, season }, { app, loaders }) => {
    const rows = app.routing.neighbours(c.code, mode, season);
    return Promise.all(
      rows.map(async (r) => {
        const commune = await loaders.commune.load(r.code);
        if (!commune) throw new NotFoundError('Commune', r.code);
        return { ...r, commune };
      }),
    );
  },
};
