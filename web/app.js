// @ts-check
/**
 * The console's shell: the sign-in box (paste a token), the role badge, the menu and hash routing
 * (#/caseworker, #/planner, #/directory). Each page module exports render(container, session).
 */
import { ApiError, gql, setToken } from './api.js';
import { renderCaseworker } from './caseworker.js';
import { renderDirectory } from './directory.js';
import { renderFacility } from './facility.js';
import { lang, setLang, t } from './i18n.js';
import { bi, errorBox, h, replace } from './dom.js';
import { renderPlanner } from './planner.js';
import { currentSession, PAGES, pagesFor, ROLE_NAMES, rolesFor } from './session.js';

const RENDERERS = { caseworker: renderCaseworker, facility: renderFacility, planner: renderPlanner, directory: renderDirectory };
const TOKEN_HINT = 'npm run token -- --role caseworker --org org-15-social --province 15';

let notice = null;

/** Tiếng Việt / English: the other language, one click; the page is drawn again in it. */
function languageSwitch() {
  const other = lang() === 'en' ? 'vi' : 'en';
  return h(
    'button',
    { type: 'button', id: 'lang-switch', class: 'link', lang: other, onClick: () => (setLang(other), route()) },
    other === 'en' ? 'English' : 'Tiếng Việt',
  );
}

function renderSession(container, session) {
  if (session.role === 'anonymous') {
    const input = h('textarea', {
      id: 'token-input',
      rows: 2,
      placeholder: t('Dán token vào đây', 'Paste a token here'),
      'aria-label': 'Token',
      spellcheck: 'false',
    });
    const signIn = async () => {
      const token = input.value.trim();
      if (!token) return;
      setToken(token);
      try {
        await gql('{ ok }'); // the server verifies the token; a bad one answers UNAUTHENTICATED
        notice = null;
      } catch (err) {
        setToken(null);
        notice = err instanceof ApiError ? err : new ApiError('ERROR', String(err));
      }
      route();
    };
    replace(
      container,
      h('div', { class: 'signin' }, input, h('button', { id: 'sign-in', type: 'button', onClick: signIn }, bi('Đăng nhập', 'Sign in'))),
      languageSwitch(),
      h('small', { class: 'hint' }, t('Lấy token: ', 'Get one: '), h('code', {}, TOKEN_HINT)),
    );
    return;
  }
  const [vi, en] = ROLE_NAMES[session.role];
  const scope = [
    session.claims.org ? t(`tổ chức ${session.claims.org}`, `organisation ${session.claims.org}`) : null,
    session.claims.facility ? t(`cơ sở ${session.claims.facility}`, `facility ${session.claims.facility}`) : null,
    session.claims.province ? t(`tỉnh ${session.claims.province}`, `province ${session.claims.province}`) : null,
  ].filter(Boolean);
  replace(
    container,
    h('span', { class: `role-badge role-${session.role}`, id: 'role-badge' }, bi(vi, en)),
    scope.length ? h('small', { class: 'scope' }, scope.join(' · ')) : null,
    session.expired ? h('small', { class: 'warn' }, t('Token đã hết hạn', 'The token has expired')) : null,
    languageSwitch(),
    h('button', { type: 'button', id: 'sign-out', class: 'link', onClick: () => (setToken(null), route()) }, bi('Đăng xuất', 'Sign out')),
  );
}

function renderNav(nav, session, active) {
  replace(
    nav,
    pagesFor(session.role).map((id) =>
      h('a', { href: `#/${id}`, class: id === active ? 'active' : '', 'aria-current': id === active ? 'page' : null }, bi(PAGES[id].vi, PAGES[id].en)),
    ),
  );
}

function renderNotAllowed(container, page, session) {
  const roles = rolesFor(page).filter((r) => r !== 'admin');
  const err = new ApiError(
    session.role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    t(
      `Trang “${PAGES[page].vi}” dành cho: ${roles.map((r) => ROLE_NAMES[r][0]).join(', ')}`,
      `The page “${PAGES[page].en}” is for: ${roles.map((r) => ROLE_NAMES[r][1]).join(', ')}`,
    ),
  );
  replace(container, errorBox(err));
}

/** Renders the page named by the URL hash, or the role's first page. */
function route() {
  const session = currentSession();
  const allowed = pagesFor(session.role);
  const wanted = location.hash.replace(/^#\/?/, '') || allowed[0];
  const page = PAGES[wanted] ? wanted : allowed[0];
  renderSession(document.getElementById('session'), session);
  renderNav(document.getElementById('nav'), session, page);
  const main = document.getElementById('page');
  main.replaceChildren();
  if (notice) main.append(errorBox(notice));
  notice = null; // shown once
  const body = h('div', { class: 'page-body', 'data-page': page });
  main.append(body);
  if (!allowed.includes(page)) renderNotAllowed(body, page, session);
  else RENDERERS[page](body, session);
}

window.addEventListener('hashchange', route);
document.documentElement.lang = lang();
route();
