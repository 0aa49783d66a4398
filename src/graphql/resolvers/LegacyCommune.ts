import { NotFoundError } from '../../domain/errors';
import type { LegacyCommuneResolvers } from '../generated/resolvers';

export const LegacyCommune: LegacyCommuneResolvers = {
  scheme: () => 'VN63',
  successor: async (l, _a, { loaders }) => {
    const commune = await loaders.commune.load(l.successorCode);
    if (!commune) throw new NotFoundError('Commune', l.successorCode);
    return commune;
  },
};
