/** The two languages people read the API in. Codes stay the same in both; only sentences and labels change. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A sentence in both languages, for text built where the reader's language is not known yet. */
export interface Bilingual {
  vi: string;
  en: string;
}

/**
 * The reader's language from an Accept-Language header: the supported tag with the highest q, ties to the
 * earlier one; `fallback` when the header is missing or names neither (programs that send none get English,
 * the console sends vi unless its reader picks English).
 */
export function pickLocale(header: string | null | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const locale = LOCALES.find((l) => l === primary);
    if (!locale) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? fallback;
}
