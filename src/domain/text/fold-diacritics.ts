/**
 * Folds Vietnamese text for accent- and case-insensitive matching: NFD, strip combining marks,
 * đ→d, lower case, collapse whitespace. `foldDiacritics('Phường Hà Tu')` → `phuong ha tu`.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits folded text into search tokens (letters and digits). */
export function tokenize(text: string): string[] {
  return foldDiacritics(text)
    .split(/[^\p{L}\p{N}.]+/u)
    .filter((t) => t.length > 0);
}
