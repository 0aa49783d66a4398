import type { SlipContent } from './referral-slip';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

// Inline and font-free: the page must print the same from a commune station with no internet.
const STYLE = `
  body { font-family: "Times New Roman", serif; font-size: 13pt; color: #000; max-width: 148mm; margin: 8mm auto; }
  h1 { font-size: 16pt; text-transform: uppercase; text-align: center; margin: 0 0 2mm; }
  .code { text-align: center; font-family: monospace; font-size: 15pt; letter-spacing: 1px; margin: 0 0 4mm; }
  h2 { font-size: 12pt; text-transform: uppercase; border-bottom: 1px solid #000; margin: 4mm 0 1mm; }
  ul { margin: 0; padding-left: 5mm; }
  ul.checklist { list-style: none; padding-left: 0; }
  ul.checklist li::before { content: "\\2610\\00a0"; }
  footer { margin-top: 6mm; font-style: italic; font-size: 11pt; }
  @page { size: A5; margin: 10mm; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: avoid; } }
`;

/** A self-contained HTML page for the slip with print CSS; every value is escaped. */
export function renderSlipHtml(content: SlipContent): string {
  const sections = content.sections.map((s) => {
    const items = s.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
    const list = s.isChecklist ? `<ul class="checklist">${items}</ul>` : `<ul>${items}</ul>`;
    return `<section><h2>${escapeHtml(s.heading)}</h2>${list}</section>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${content.title} ${content.code}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(content.title)}</h1>`,
    `<p class="code">Mã phiếu: ${escapeHtml(content.code)}</p>`,
    ...sections,
    `<footer>${escapeHtml(content.footer)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
