/**
 * Resolves a commune code across the 2025 reform. Codes were reused, so the scheme is decided by
 * `asOf`: before 1 July 2025 a code is read as a VN63 code and mapped to its successor; from then on
 * a 2025 code wins and an unknown code falls back to the succession table.
 */
import type { CommuneRecord, DirectoryReads, LegacyCommuneRecord } from '../store/port';

/** A commune, plus the old unit it was resolved from when looked up by a pre-2025 code. */
export type ResolvedCommune = CommuneRecord & { resolvedFrom?: LegacyCommuneRecord | null };

export const REFORM_DATE = '2025-07-01';

export async function resolveCommune(
  store: Pick<DirectoryReads, 'communesByCode' | 'legacyCommunesByCode'>,
  code: string,
  asOf?: string | null,
): Promise<ResolvedCommune | null> {
  const viaLegacy = async (): Promise<ResolvedCommune | null> => {
    const [legacy] = await store.legacyCommunesByCode([code]);
    if (!legacy) return null;
    return withOrigin(store, legacy);
  };
  if (asOf && asOf < REFORM_DATE) return (await viaLegacy()) ?? null;
  const [current] = await store.communesByCode([code]);
  return current ?? viaLegacy();
}

async function withOrigin(
  store: Pick<DirectoryReads, 'communesByCode'>,
  legacy: LegacyCommuneRecord,
): Promise<ResolvedCommune | null> {
  const [successor] = await store.communesByCode([legacy.successorCode]);
  return successor ? { ...successor, resolvedFrom: legacy } : null;
}
