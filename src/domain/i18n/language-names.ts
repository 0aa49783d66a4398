/**
 * Language names for sentences and labels, from the one language table (src/domain/language/): ISO 639-3
 * codes with Vietnamese and English names. An old code still stored (`tay`) is named as its language.
 */
import { LANGUAGE_TABLE, resolveLanguage, type Language } from '../language/language-table';

export interface LanguageName {
  code: string;
  nameVi: string;
  nameEn: string;
  bcp47: string;
  oldCodes: readonly string[];
}

const named = (l: Language, code = l.code): LanguageName => ({
  code,
  nameVi: l.nameVi,
  nameEn: l.nameEn,
  bcp47: l.bcp47,
  oldCodes: l.oldCodes,
});

export function nameLanguage(code: string): LanguageName {
  const r = resolveLanguage(code);
  return r.ok ? named(r.language, code) : { code, nameVi: code, nameEn: code, bcp47: code, oldCodes: [] };
}

/** "Tiếng H'Mông" for hmn; the code itself for a code with no name. */
export function languageNameVi(code: string): string {
  return nameLanguage(code).nameVi;
}

export function languageNameEn(code: string): string {
  return nameLanguage(code).nameEn;
}

/** "Tiếng H'Mông · Hmong" */
export function languageDisplayName(code: string): string {
  const l = nameLanguage(code);
  return l.nameVi === code ? code : `${l.nameVi} · ${l.nameEn}`;
}

/** The languages to list, in the table's order (Vietnamese first). */
export function listLanguages(): LanguageName[] {
  return LANGUAGE_TABLE.map((l) => named(l));
}
