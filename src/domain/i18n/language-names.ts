/**
 * Language names for sentences and labels. Interim: the shared language table is being added in
 * src/domain/language/; until then only the codes the demo data uses are named here.
 */
const INTERIM: Record<string, readonly [vi: string, en: string]> = {
  vie: ['Tiếng Việt', 'Vietnamese'],
  hmn: ["Tiếng H'Mông", 'Hmong'],
  eng: ['Tiếng Anh', 'English'],
};

/** "Tiếng H'Mông" for hmn; the code itself for a code with no name. */
export function languageNameVi(code: string): string {
  return INTERIM[code]?.[0] ?? code;
}

export function languageNameEn(code: string): string {
  return INTERIM[code]?.[1] ?? code;
}

/** "Tiếng H'Mông · Hmong" */
export function languageDisplayName(code: string): string {
  const entry = INTERIM[code];
  return entry ? `${entry[0]} · ${entry[1]}` : code;
}

export interface LanguageName {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** The languages to list, Vietnamese first. */
export function listLanguages(): LanguageName[] {
  return Object.entries(INTERIM).map(([code, [nameVi, nameEn]]) => ({ code, nameVi, nameEn }));
}

export function nameLanguage(code: string): LanguageName {
  return { code, nameVi: languageNameVi(code), nameEn: languageNameEn(code) };
}
