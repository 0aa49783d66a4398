/**
 * Building the page without innerHTML: every piece of text goes in through text nodes, so names from the
 * directory or a case label can never become markup.
 */

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

/** A Vietnamese label with its English gloss in a quieter span. */
export function bi(vi, en) {
  return [vi, h('span', { class: 'en' }, ` · ${en}`)];
}

const EXPLAIN = {
  UNAUTHENTICATED: ['Chưa đăng nhập hoặc token không hợp lệ/hết hạn.', 'Not signed in, or the token is invalid or expired.'],
  FORBIDDEN: ['Vai trò của bạn không được phép làm việc này.', 'Your role may not do this.'],
  BAD_USER_INPUT: ['Dữ liệu nhập chưa đúng.', 'Some input is not valid.'],
  NOT_FOUND: ['Không tìm thấy.', 'Not found.'],
  CONSENT_REQUIRED: ['Cần có sự đồng ý của gia đình trước.', 'The family’s consent is needed first.'],
  NETWORK_ERROR: ['Mất kết nối.', 'Connection problem.'],
};

/** Renders an error as a banner that names the server's code, e.g. FORBIDDEN, with a plain explanation. */
export function errorBox(err) {
  const code = err?.code ?? 'ERROR';
  const [vi, en] = EXPLAIN[code] ?? ['Đã có lỗi.', 'Something went wrong.'];
  return h(
    'div',
    { class: `error code-${code}`, role: 'alert' },
    h('strong', { class: 'error-code' }, code),
    ' ',
    vi,
    h('span', { class: 'en' }, ` ${en}`),
    h('div', { class: 'error-message' }, err?.message ?? String(err)),
  );
}

/** Runs an async action while showing progress in `status`; on failure shows the error there and rethrows nothing. */
export async function withStatus(status, action, busyText = 'Đang tải… · Loading…') {
  replace(status, h('span', { class: 'busy' }, busyText));
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
export const fmt = {
  number: (n) => (n === null || n === undefined ? '—' : numberVi.format(n)),
  whole: (n) => (n === null || n === undefined ? '—' : numberVi.format(Math.round(n))),
  minutes: (m) => (m === null || m === undefined ? 'không tới được' : `${numberVi.format(Math.round(m))} phút`),
  km: (k) => (k === null || k === undefined ? '—' : `${numberVi.format(k)} km`),
  percent: (p) => (p === null || p === undefined ? '—' : `${numberVi.format(p * 100)}%`),
  signed: (n) => (n > 0 ? `+${numberVi.format(Math.round(n))}` : numberVi.format(Math.round(n))),
  date: (iso) => (iso ? new Date(iso).toLocaleDateString('vi-VN') : '—'),
};

/** A <select> from [value, label] pairs. */
export function select(props, options, current) {
  return h('select', props, options.map(([value, label]) => h('option', { value, selected: value === current }, label)));
}

/** A labelled form field. */
export function field(label, control, hint, wide = false) {
  return h('label', { class: wide ? 'field wide' : 'field' }, h('span', { class: 'label' }, label), control, hint ? h('small', { class: 'hint' }, hint) : null);
}
