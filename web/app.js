/**
 * The console's shell: the sign-in box (paste a token), the role badge, the menu and hash routing
 * (#/caseworker, #/planner, #/directory). Each page module exports render(container, session).
 */
import { ApiError, gql, setToken } from './api.js';
import { renderCaseworker } from './caseworker.js';
import { renderDirectory } from './directory.js';
import { bi, errorBox, h, replace } from './dom.js';
import { renderPlanner } from './planner.js';
import { currentSession, PAGES, pagesFor, ROLE_NAMES, rolesFor } from './session.js';

const RENDERERS = { caseworker: renderCaseworker, planner: renderPlanner, directory: renderDirectory };
const TOKEN_HINT = 'npm run token -- --role caseworker --org org-15-social --province 15';

let notice = null;

function renderSession(container, session) {
  if (session.role === 'anonymous') {
    const input = h('textarea', {
      id: 'token-input',
      rows: 2,
      placeholder: 'Dán token vào đây · Paste a token here',
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
      h('small', { class: 'hint' }, 'Lấy token · Get one: ', h('code', {}, TOKEN_HINT)),
    );
    return;
  }
  const [vi, en] = ROLE_NAMES[session.role];
  const scope = [
    session.claims.org ? `tổ chức ${session.claims.org}` : null,
    session.claims.province ? `tỉnh ${session.claims.province}` : null,
  ].filter(Boolean);
  replace(
    container,
    h('span', { class: `role-badge role-${session.role}`, id: 'role-badge' }, vi, h('span', { class: 'en' }, ` (${en})`)),
    scope.length ? h('small', { class: 'scope' }, scope.join(' · ')) : null,
    session.expired ? h('small', { class: 'warn' }, 'Token đã hết hạn · expired') : null,
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
    `Trang “${PAGES[page].vi}” dành cho: ${roles.map((r) => ROLE_NAMES[r][0]).join(', ')} · This page is for: ${roles.join(', ')}`,
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
route();
