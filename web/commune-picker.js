// @ts-check
/**
 * Type a commune name with or without diacritics ("ban lau" finds Xã Bản Lầu); pick one from the list.
 * Uses Query.search and keeps only commune hits, each commune once (an old commune's name finds its 2025
 * successor, which may also match by its own name), the caller's province first.
 */
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

const SEARCH = `query CommuneSearch($text: String!) {
  search(text: $text, first: 30) { kind commune { code name province { code name } } }
}`;

/**
 * Returns { element, get(), set(commune) }. `onPick(commune)` runs when a commune is chosen;
 * a commune is { code, name, province: { code, name } }.
 */
export function communePicker({ id, provinceCode, onPick }) {
  let chosen = null;
  let timer = 0;
  let asked = 0;
  const input = h('input', {
    id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-controls': `${id}-list`,
    'aria-expanded': 'false',
    placeholder: t('vd. ban lau, bat xat, ha tu', 'e.g. ban lau, bat xat, ha tu'),
  });
  const list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'picker-list', hidden: true });
  const chosenLabel = h('small', { class: 'picked', id: `${id}-picked` });

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const pick = (commune) => {
    chosen = commune;
    input.value = commune.name;
    replace(chosenLabel, `✓ ${commune.name}, ${commune.province.name} (${t('mã', 'code')} ${commune.code})`);
    close();
    onPick?.(commune);
  };
  const show = (communes) => {
    replace(
      list,
      communes.length
        ? communes.map((c) =>
            h('li', { role: 'option', tabindex: '-1', 'data-code': c.code, onMousedown: (e) => (e.preventDefault(), pick(c)), onKeydown: (e) => e.key === 'Enter' && pick(c) },
              c.name, h('small', {}, ` — ${c.province.name}`)),
          )
        : h('li', { class: 'empty' }, t('Không thấy xã/phường nào', 'No commune found')),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const lookUp = async () => {
    const text = input.value.trim();
    if (text.length < 2) return close();
    const ticket = asked;
    try {
      const data = await gql(SEARCH, { text });
      if (ticket !== asked) return; // typed again since: this answer is stale
      const byCode = new Map();
      for (const hit of data.search) if (hit.commune && !byCode.has(hit.commune.code)) byCode.set(hit.commune.code, hit.commune);
      const communes = [...byCode.values()];
      communes.sort((a, b) => Number(b.province.code === provinceCode) - Number(a.province.code === provinceCode));
      show(communes.slice(0, 12));
    } catch (err) {
      if (ticket !== asked) return;
      replace(list, h('li', { class: 'empty' }, `${err.code ?? 'ERROR'}: ${err.message}`));
      list.hidden = false;
    }
  };
  input.addEventListener('input', () => {
    chosen = null;
    asked += 1; // any answer still on its way is for older text
    close();
    replace(chosenLabel);
    clearTimeout(timer);
    timer = setTimeout(lookUp, 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') list.querySelector('[role=option]')?.focus();
    if (e.key === 'Escape') close();
  });
  list.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll('[role=option]')];
    const at = items.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') items[Math.min(at + 1, items.length - 1)]?.focus();
    if (e.key === 'ArrowUp') (at <= 0 ? input : items[at - 1]).focus();
  });
  const element = h('div', { class: 'picker' }, input, list, chosenLabel);
  element.addEventListener('focusout', () => setTimeout(() => element.contains(document.activeElement) || close(), 150));
  return { element, input, get: () => chosen, set: pick };
}
