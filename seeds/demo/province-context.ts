/**
 * Per-province facts the demo generators need: the seat and a second town (explicit for the three demo
 * provinces, derived from population for the others) and the minority languages offered at commune level.
 */
import { measureGreatCircleKm } from '../../src/domain/routing/measure-great-circle-km';
import type { CommuneRecord, ProvinceRecord } from '../../src/store/port';
import type { ProvinceContext } from './facility-spec';
import { createRng } from './prng';

export interface LanguageDraw {
  lang: string;
  /** Probability that a commune of the matching type offers it. */
  p: number;
  /** Limits the draw to some communes, e.g. one former province of a merged one. */
  where?: (c: CommuneRecord) => boolean;
}

interface ProvinceProfile extends LanguageProfile {
  seatCode: string;
  hubCode: string;
}

export interface LanguageProfile {
  rural: LanguageDraw[];
  urban: LanguageDraw[];
  /** Offered at regional and provincial facilities (interpreters, bilingual staff). */
  provincial: string[];
}

/** Former Lào Cai (before the 2025 merger) holds the communes coded below 04000; Giáy live there. */
const isFormerLaoCai = (c: CommuneRecord) => c.code < '04000';

const PROFILES: Record<string, ProvinceProfile> = {
  // Quảng Ninh: seat Phường Hạ Long (provincial centre, former Hồng Hà/Hồng Hải); hub Phường Cẩm Phả.
  '22': {
    seatCode: '06688',
    hubCode: '06793',
    rural: [
      { lang: 'tyz', p: 0.25 },
      { lang: 'nut', p: 0.1 },
    ],
    urban: [],
    provincial: ['vie'],
  },
  // Lào Cai: seat Phường Yên Bái (former Yên Bái city); hub Phường Lào Cai (former Lào Cai city).
  '15': {
    seatCode: '04252',
    hubCode: '02647',
    rural: [
      { lang: 'hmn', p: 0.55 },
      { lang: 'ium', p: 0.45 },
      { lang: 'tyz', p: 0.4 },
      { lang: 'pcc', p: 0.3, where: isFormerLaoCai },
    ],
    urban: [
      { lang: 'tyz', p: 0.25 },
      { lang: 'hmn', p: 0.15 },
    ],
    provincial: ['vie', 'hmn', 'ium', 'tyz'],
  },
  // Bắc Ninh: seat Phường Bắc Giang (former Bắc Giang city); hub Phường Kinh Bắc (former Bắc Ninh city).
  '24': {
    seatCode: '07210',
    hubCode: '09187',
    rural: [
      { lang: 'nut', p: 0.2 },
      { lang: 'tyz', p: 0.15 },
    ],
    urban: [],
    provincial: ['vie'],
  },
};

const byPopulation = (a: CommuneRecord, b: CommuneRecord) =>
  (b.population ?? 0) - (a.population ?? 0) || (a.code < b.code ? -1 : 1);

function distanceKm(a: CommuneRecord, b: CommuneRecord): number {
  if (a.lat == null || a.lon == null || b.lat == null || b.lon == null) return 0;
  return measureGreatCircleKm(a.lat, a.lon, b.lat, b.lon);
}

function defaultProfile(communes: readonly CommuneRecord[]): ProvinceProfile {
  const ranked = [...communes].sort(byPopulation);
  const seat = ranked.find((c) => c.type === 'phường') ?? ranked[0]!;
  const hub =
    ranked.find((c) => c !== seat && distanceKm(c, seat) >= 20) ?? ranked.find((c) => c !== seat) ?? seat;
  return { seatCode: seat.code, hubCode: hub.code, rural: [], urban: [], provincial: ['vie'] };
}

/** Builds the context of one province from its communes (any order). */
export function buildProvinceContext(
  province: ProvinceRecord,
  communes: readonly CommuneRecord[],
): ProvinceContext {
  const sorted = [...communes].sort((a, b) => (a.code < b.code ? -1 : 1));
  if (sorted.length === 0) throw new Error(`Province ${province.code} has no communes to seed`);
  const byCode = new Map(sorted.map((c) => [c.code, c]));
  const profile = PROFILES[province.code] ?? defaultProfile(sorted);
  const seat = byCode.get(profile.seatCode) ?? sorted[0]!;
  const hub = byCode.get(profile.hubCode) ?? seat;
  return { province, communes: sorted, byCode, seat, hub, languages: profile };
}

/** Languages spoken with families in one commune: Vietnamese plus the drawn minority languages. */
export function communeLanguages(ctx: ProvinceContext, commune: CommuneRecord): string[] {
  const draws = commune.type === 'xã' ? ctx.languages.rural : ctx.languages.urban;
  const rng = createRng(`lang:${commune.code}`);
  const langs = ['vie'];
  for (const draw of draws) if (rng.chance(draw.p) && (draw.where?.(commune) ?? true)) langs.push(draw.lang);
  return langs;
}

/** Languages of a regional or provincial facility: the province's list plus its own commune's. */
export function provincialLanguages(ctx: ProvinceContext, commune: CommuneRecord): string[] {
  return [...new Set([...ctx.languages.provincial, ...communeLanguages(ctx, commune)])];
}
