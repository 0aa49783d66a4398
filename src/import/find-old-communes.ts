/**
 * Finds pre-2025 communes by name, district and province, matched as imports match them: without
 * diacritics, case or unit words ("Đông Xá, Vân Đồn, Quảng Ninh" finds Xã Đông Xá, Huyện Vân Đồn).
 * A commune split between successors gives one record per successor.
 */
import { BadInputError } from '../domain/errors';
import type { GraphStore, LegacyCommuneRecord } from '../store/port';
import { isOldCommuneNamed, legacyNameVariants } from './import-context';

const MAX_NAME = 100;

export async function findOldCommunes(
  store: Pick<GraphStore, 'legacyCommunesByName'>,
  place: { name: string; district: string; province: string },
): Promise<LegacyCommuneRecord[]> {
  for (const [field, value] of Object.entries(place)) {
    if (value.trim() === '' || value.length > MAX_NAME)
      throw new BadInputError(`${field} must be 1 to ${MAX_NAME} characters`);
  }
  const candidates = await store.legacyCommunesByName(legacyNameVariants(place.name));
  return candidates.filter((l) => isOldCommuneNamed(l, place));
}
