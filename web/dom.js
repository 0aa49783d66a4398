// @ts-check
/**
 * Building the page without innerHTML: every piece of text goes in through text nodes, so names from the
 * directory or a case label can never become markup.
 */
import { lang, t } from './i18n.js';

/** Creates an element. `props`: class, on<Event> handlers, boolean properties, other attributes. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and nested arrays; skips null, undefined and false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * A short label in the reader's language with the other language as a quieter gloss: Vietnamese first by
 * default, English first when the reader chose English. Sentences use t() and come in one language only.
 */
export function bi(vi, en) {
  return lang() === 'en' ? [en, h('span', { class: 'en' }, ` · ${vi}`)] : [vi, h('span', { class: 'en' }, ` · ${en}`)];
}

const EXPLAIN = {
  UNAUTHENTICATED: ['Chưa đăng nhập hoặc token không hợp lệ/hết hạn.', 'Not signed in, or the token is invalid or expired.'],
  FORBIDDEN: ['Vai trò của bạn không được phép làm việc này.', 'Your role may not do this.'],
  BAD_USER_INPUT: ['Dữ liệu nhập chưa đúng.', 'Some input is not valid.'],
  NOT_FOUND: ['Không tìm thấy.', 'Not found.'],
  CONSENT_REQUIRED: ['Cần có sự đồng ý của gia đình trước.', 'The family’s consent is needed first.'],
  CONFLICT: ['Trùng hoặc vừa bị thay đổi.', 'A duplicate, or changed meanwhile.'],
  INVALID_TRANSITION: ['Không thể làm bước này ở trạng thái hiện tại.', 'This step is not possible in the current status.'],
  NETWORK_ERROR: ['Mất kết nối.', 'Connection problem.'],
};

/**
 * Renders an error as a banner that names the server's code, e.g. FORBIDDEN, with a plain explanation in the
 * reader's language; the server's message is in that language too (the request sent Accept-Language).
 */
export function errorBox(err) {
  const code = err?.code ?? 'ERROR';
  const [vi, en] = EXPLAIN[code] ?? ['Đã có lỗi.', 'Something went wrong.'];
  return h(
    'div',
    { class: `error code-${code}`, role: 'alert' },
    h('strong', { class: 'error-code' }, code),
    ' ',
    t(vi, en),
    h('div', { class: 'error-message' }, err?.message ?? String(err)),
  );
}

/** Runs an async action while showing progress in `status`; on failure shows the error there and rethrows nothing. */
export async function withStatus(status, action, busyText) {
  replace(status, h('span', { class: 'busy' }, busyText ?? t('Đang tải…', 'Loading…')));
  try {
    const result = await action();
    replace(status);
    return result;
  } catch (err) {
    replace(status, errorBox(err));
    if (!err?.code) console.error(err);
    return undefined;
  }
}

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const numberEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const num = () => (lang() === 'en' ? numberEn : numberVi);
/** Minutes a person reads: to the minute under an hour, then to 5 minutes ("1 giờ 35 phút"). */
function readableMinutes(m) {
  const rounded = m < 60 ? Math.round(m) : Math.round(m / 5) * 5;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return t(`${rest} phút`, `${rest} min`);
  return rest ? t(`${hours} giờ ${rest} phút`, `${hours} h ${rest} min`) : t(`${hours} giờ`, `${hours} h`);
}
export const fmt = {
  number: (n) => (n === null || n === undefined ? '—' : num().format(n)),
  whole: (n) => (n === null || n === undefined ? '—' : num().format(Math.round(n))),
  minutes: (m) => (m === null || m === undefined ? t('không tới được', 'unreachable') : readableMinutes(m)),
  /** Whole km from 10 km on, one decimal below. */
  km: (k) => (k === null || k === undefined ? '—' : `${num().format(k >= 10 ? Math.round(k) : Math.round(k * 10) / 10)} km`),
  percent: (p) => (p === null || p === undefined ? '—' : `${num().format(p * 100)}%`),
  signed: (n) => (n > 0 ? `+${num().format(Math.round(n))}` : num().format(Math.round(n))),
  date: (iso) => (iso ? new Date(iso).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'vi-VN') : '—'),
};

/** A <select> from [value, label] pairs. */
export function select(props, options, current) {
  return h('select', props, options.map(([value, label]) => h('option', { value, selected: value === current }, label)));
}

/** A labelled form field. */
export function field(label, control, hint, wide = false) {
  return h('label', { class: wide ? 'field wide' : 'field' }, h('span', { class: 'label' }, label), control, hint ? h('small', { class: 'hint' }, hint) : null);
}
