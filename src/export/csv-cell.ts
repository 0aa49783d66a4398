/**
 * One CSV cell, safe to open in a spreadsheet: quoted when it holds a comma, quote or line break, and
 * neutralised when it could start a formula (=, +, -, @, tab or carriage return, also after leading
 * spaces) by a leading apostrophe, as OWASP's CSV-injection advice recommends. Numbers are written as
 * numbers, so a negative figure stays a number. Every CSV the project writes goes through here.
 */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r]/;

/** Whether a text cell would be read as a formula by Excel, LibreOffice or Google Sheets. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell a spreadsheet would read as a formula, made plain text by a leading apostrophe. */
export function neutraliseCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** The cell as written to the file; null and undefined are empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  const raw = String(value);
  const text = neutraliseCell(raw);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
