/** Ranks search hits on folded names: exact > whole-word prefix > all tokens as words > substring. */
import { foldDiacritics, tokenize } from './fold-diacritics';

export interface Rankable {
  kind: string;
  id: string;
  name: string;
  folded: string;
}

const KIND_ORDER: Record<string, number> = { COMMUNE: 0, OLD_COMMUNE: 1, SERVICE: 2, FACILITY: 3 };

/** Scores one folded name against the folded query; 0 means no match. */
export function scoreName(folded: string, query: string): number {
  const q = foldDiacritics(query);
  const tokens = tokenize(query);
  if (tokens.length === 0) return 0;
  if (!tokens.every((t) => folded.includes(t))) return 0;
  const words = folded.split(/[^\p{L}\p{N}.]+/u);
  let score = 0.4;
  if (tokens.every((t) => words.includes(t))) score = 0.6;
  if (folded.includes(q)) score = Math.max(score, 0.7);
  const phrase = new RegExp(`(^|\\s)${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
  if (phrase.test(folded)) score = 0.8;
  if (folded === q || (folded.endsWith(` ${q}`) && words.length - tokens.length <= 1)) score = 0.95;
  if (folded === q) score = 1;
  // Shorter names that match are closer to what was typed.
  return score - Math.min(folded.length, 200) / 10000;
}

/** Returns hits with scores, best first; ties by kind (communes first), then name. */
export function rankSearchHits<T extends Rankable>(hits: T[], query: string): (T & { score: number })[] {
  return hits
    .map((hit) => ({ ...hit, score: scoreName(hit.folded, query) }))
    .filter((hit) => hit.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
        a.name.localeCompare(b.name, 'vi') ||
        a.id.localeCompare(b.id),
    );
}
