/**
 * The one table of languages the directory knows: ISO 639-3 code → Vietnamese and English display names,
 * the BCP-47 tag FHIR wants, and the wrong codes older versions used (accepted on import with a warning).
 *
 * Codes and English reference names are those of the ISO 639-3 code tables published by SIL International,
 * the ISO 639-3 Registration Authority (https://iso639-3.sil.org/code_tables/download_tables);
 * test/domain/language/language-table.test.ts checks every code and name against the `iso-639-3` npm
 * package, which ships those tables. Vietnamese names follow the names of the 54 ethnic groups
 * (Tổng cục Thống kê, Danh mục các dân tộc Việt Nam). Where an ethnic group's speech has no ISO 639-3 code
 * of its own (Sán Dìu, Sán Chỉ), it is not listed rather than given a wrong one.
 */

export interface Language {
  /** ISO 639-3 code (individual language, or `hmn`, the Hmong macrolanguage). */
  readonly code: string;
  /** Display name in Vietnamese, as a caseworker would say it. */
  readonly nameVi: string;
  /** English name: the ISO 639-3 reference name, or a common form of it. */
  readonly nameEn: string;
  /** BCP-47 tag (the ISO 639-1 code where there is one, else the ISO 639-3 code). */
  readonly bcp47: string;
  /** Codes other systems (or older versions of Kết Nối) used for this language: mapped with a warning. */
  readonly oldCodes: readonly string[];
  /** Other names people type (folded, without diacritics): for "did you mean" answers. */
  readonly aliases: readonly string[];
}

const row = (
  code: string,
  nameVi: string,
  nameEn: string,
  more: { bcp47?: string; oldCodes?: string[]; aliases?: string[] } = {},
): Language => ({
  code,
  nameVi,
  nameEn,
  bcp47: more.bcp47 ?? code,
  oldCodes: more.oldCodes ?? [],
  aliases: more.aliases ?? [],
});

/** In the order a console lists them: Vietnamese first, then the languages of the demo provinces. */
export const LANGUAGE_TABLE: readonly Language[] = [
  row('vie', 'Tiếng Việt', 'Vietnamese', { bcp47: 'vi', aliases: ['kinh', 'viet'] }),
  row('hmn', "Tiếng H'Mông", 'Hmong', { aliases: ['hmong', 'mong', 'hmoob', 'meo'] }),
  // Most Dao of Vietnam speak Iu Mien (the Lan Tẻn speak Kim Mun, mji); `dao` is Daai Chin in ISO 639-3.
  row('ium', 'Tiếng Dao', 'Iu Mien (Dao)', { oldCodes: ['dao'], aliases: ['dao', 'mien', 'yao'] }),
  row('mji', 'Tiếng Kim Mun (Dao)', 'Kim Mun', { aliases: ['kim mun', 'lan ten', 'dao'] }),
  // `tay` is Atayal (Taiwan) in ISO 639-3.
  row('tyz', 'Tiếng Tày', 'Tày', { oldCodes: ['tay'], aliases: ['tay', 'tho'] }),
  // `nun` is Anong (China, Myanmar) in ISO 639-3.
  row('nut', 'Tiếng Nùng', 'Nung (Viet Nam)', { oldCodes: ['nun'], aliases: ['nung'] }),
  // Giáy is a Bouyei variety; `gio` is no ISO 639-3 code.
  row('pcc', 'Tiếng Giáy', 'Bouyei (Giáy)', { oldCodes: ['gio'], aliases: ['giay', 'bouyei', 'nhang'] }),
  row('blt', 'Tiếng Thái Đen', 'Tai Dam', { aliases: ['thai', 'thai den', 'black tai'] }),
  row('twh', 'Tiếng Thái Trắng', 'Tai Dón', { aliases: ['thai', 'thai trang', 'white tai'] }),
  row('mtq', 'Tiếng Mường', 'Muong', { aliases: ['muong'] }),
  row('khm', 'Tiếng Khmer', 'Khmer', { bcp47: 'km', aliases: ['khmer', 'khome'] }),
  row('cjm', 'Tiếng Chăm (Đông)', 'Eastern Cham', { aliases: ['cham', 'cham dong'] }),
  row('cja', 'Tiếng Chăm (Tây)', 'Western Cham', { aliases: ['cham', 'cham tay'] }),
  row('mlc', 'Tiếng Cao Lan (Sán Chay)', 'Cao Lan', { aliases: ['cao lan', 'san chay', 'san chi'] }),
  row('kjg', 'Tiếng Khơ Mú', 'Khmu', { aliases: ['khmu', 'kho mu'] }),
  row('hni', 'Tiếng Hà Nhì', 'Hani', { aliases: ['ha nhi', 'hani'] }),
  row('jra', 'Tiếng Gia Rai', 'Jarai', { aliases: ['gia rai', 'jarai'] }),
  row('rad', 'Tiếng Ê Đê', 'Rade', { aliases: ['ede', 'e de', 'rade'] }),
  row('bdq', 'Tiếng Ba Na', 'Bahnar', { aliases: ['ba na', 'bahnar'] }),
  row('sed', 'Tiếng Xơ Đăng', 'Sedang', { aliases: ['xo dang', 'sedang'] }),
  row('kpm', 'Tiếng Cơ Ho', 'Koho', { aliases: ['co ho', 'koho'] }),
  row('cmn', 'Tiếng Hoa (Quan thoại)', 'Mandarin Chinese', { aliases: ['hoa', 'mandarin', 'chinese'] }),
  row('yue', 'Tiếng Quảng Đông', 'Yue Chinese (Cantonese)', { aliases: ['hoa', 'quang dong', 'cantonese'] }),
  row('eng', 'Tiếng Anh', 'English', { bcp47: 'en', aliases: ['anh', 'english'] }),
];

const BY_CODE = new Map(LANGUAGE_TABLE.map((l) => [l.code, l]));
const BY_OLD_CODE = new Map(LANGUAGE_TABLE.flatMap((l) => l.oldCodes.map((c) => [c, l] as const)));

/** The language of an ISO 639-3 code of the table, or undefined. */
export function findLanguage(code: string): Language | undefined {
  return BY_CODE.get(code);
}

/** "Tiếng H'Mông · Hmong" for a code of the table; the code itself otherwise. */
export function displayLanguage(code: string): string {
  const l = BY_CODE.get(code);
  return l ? `${l.nameVi} · ${l.nameEn}` : code;
}

export type LanguageResolution =
  | { ok: true; code: string; language: Language; oldCode?: string }
  | { ok: false; input: string; closeMatches: Language[] };

/**
 * Reads a language code as a caller wrote it: a code of the table; an old code (`tay`, `dao`, `nun`,
 * `gio`) mapped to its ISO 639-3 code, with `oldCode` set so the caller can warn; anything else refused
 * with the close matches (by name, alias or a one-letter slip in the code).
 */
export function resolveLanguage(input: string): LanguageResolution {
  const code = input.trim().toLowerCase();
  const exact = BY_CODE.get(code);
  if (exact) return { ok: true, code, language: exact };
  const old = BY_OLD_CODE.get(code);
  if (old) return { ok: true, code: old.code, language: old, oldCode: code };
  return { ok: false, input, closeMatches: findCloseLanguages(input) };
}

/** Languages whose code, name or alias is close to what was typed, best first (at most 5). */
export function findCloseLanguages(input: string): Language[] {
  const q = fold(input);
  if (q.length === 0) return [];
  const scored = LANGUAGE_TABLE.map((l) => ({ l, score: closeness(q, l) })).filter((s) => s.score > 0);
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((s) => s.l);
}

/** A message naming the close matches: `unknown language "hmong": did you mean hmn (Tiếng H'Mông · Hmong)?` */
export function describeUnknownLanguage(input: string, closeMatches: readonly Language[]): string {
  const hint =
    closeMatches.length > 0
      ? `did you mean ${closeMatches.map((l) => `${l.code} (${displayLanguage(l.code)})`).join(' or ')}?`
      : `use an ISO 639-3 code of the language table (${LANGUAGE_TABLE.map((l) => l.code).join(', ')})`;
  return `unknown language "${input}": ${hint}`;
}

function closeness(q: string, l: Language): number {
  const names = [l.nameEn, l.nameVi.replace(/^tiếng /i, ''), ...l.aliases].map(fold);
  if (names.includes(q)) return 4;
  if (l.oldCodes.includes(q)) return 4;
  if (q.length === 3 && oneEditApart(q, l.code)) return 2;
  if (q.length >= 3 && names.some((n) => n.startsWith(q) || (q.startsWith(n) && n.length >= 3))) return 1;
  return 0;
}

function oneEditApart(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[’'`()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads one code given to the API (a filter, a case): a code of the table as it is, an old code as its
 * ISO 639-3 code (documented, so old clients keep working); anything else is the message to refuse it with.
 */
export function readLanguageCode(input: string): { code: string } | { error: string } {
  const r = resolveLanguage(input);
  return r.ok ? { code: r.code } : { error: describeUnknownLanguage(input, r.closeMatches) };
}
