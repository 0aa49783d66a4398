/**
 * GET /graphql in a browser: a small query explorer that works offline (no CDN, no external script or
 * font): a bearer-token field, the query and its variables, the answer, and the schema read by the
 * standard introspection query from this same endpoint. Production turns introspection off, so there the
 * schema panel says so and queries still run.
 */
import type http from 'node:http';

/** Whether a GET to /graphql is a person opening it in a browser rather than a GET query. */
export function wantsExplorer(req: http.IncomingMessage, url: URL): boolean {
  return (
    req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html')
  );
}

export function serveExplorer(res: http.ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // Everything the page needs is inline or on this server.
    'content-security-policy':
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
  });
  res.end(EXPLORER_HTML);
}

const EXAMPLE = `{
  facilities(first: 5, where: { provinceCode: "15", language: "hmn" }) {
    totalCount
    nodes { id name commune { name } }
  }
}`;

export const EXPLORER_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Kết Nối · GraphQL explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 1fr 22rem; height: 100vh; }
  header { grid-column: 1 / 4; padding: .5rem 1rem; background: #0b4f6c; color: #fff; display: flex; gap: 1rem; align-items: center; }
  header h1 { font-size: 1rem; margin: 0; }
  header input { flex: 1; font: inherit; padding: .25rem; }
  section { display: flex; flex-direction: column; padding: .5rem; min-height: 0; }
  textarea, pre { font: 13px/1.4 ui-monospace, monospace; flex: 1; margin: 0; border: 1px solid #bbb; padding: .5rem; overflow: auto; white-space: pre-wrap; }
  #variables { flex: 0 0 6rem; }
  button { font: inherit; padding: .3rem 1rem; margin: .4rem 0; }
  #schema { overflow: auto; border-left: 1px solid #ddd; }
  #schema details { margin: .1rem 0; } #schema summary { cursor: pointer; font-family: ui-monospace, monospace; }
  #schema ul { margin: .2rem 0 .4rem 1rem; padding: 0; list-style: none; font-family: ui-monospace, monospace; font-size: 12px; }
  .note { color: #555; font-size: 12px; }
</style>
</head>
<body>
<header>
  <h1>Kết Nối · GraphQL</h1>
  <label for="token">Bearer token</label>
  <input id="token" placeholder="npm run -s token -- --role integrator" autocomplete="off">
</header>
<section>
  <label for="query">Query · Truy vấn</label>
  <textarea id="query" spellcheck="false"></textarea>
  <label for="variables">Variables (JSON)</label>
  <textarea id="variables" spellcheck="false">{}</textarea>
  <button id="run" type="button">Run · Chạy (Ctrl+Enter)</button>
</section>
<section>
  <label for="result">Answer · Kết quả</label>
  <pre id="result" aria-live="polite"></pre>
</section>
<section id="schema"><strong>Schema</strong><p class="note" id="schema-note">Loading…</p><div id="types"></div></section>
<script>
const $ = (id) => document.getElementById(id);
$('query').value = ${JSON.stringify(EXAMPLE)};
$('token').value = sessionStorage.getItem('ketnoi-token') || '';
$('token').addEventListener('change', () => { sessionStorage.setItem('ketnoi-token', $('token').value.trim()); loadSchema(); });

async function post(body) {
  const headers = { 'content-type': 'application/json' };
  const token = $('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token;
  const res = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}

async function run() {
  let variables;
  try { variables = JSON.parse($('variables').value || '{}'); }
  catch (e) { $('result').textContent = 'Variables are not valid JSON: ' + e.message; return; }
  $('result').textContent = '…';
  try { $('result').textContent = JSON.stringify(await post({ query: $('query').value, variables }), null, 2); }
  catch (e) { $('result').textContent = 'Request failed: ' + e.message; }
}
$('run').addEventListener('click', run);
document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(); });

const INTROSPECTION = '{ __schema { queryType { name } mutationType { name } types { kind name description ' +
  'fields { name description args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } enumValues { name } } } } ' +
  'fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';

function typeName(t) {
  if (!t) return '';
  if (t.kind === 'NON_NULL') return typeName(t.ofType) + '!';
  if (t.kind === 'LIST') return '[' + typeName(t.ofType) + ']';
  return t.name;
}

function line(text) { const li = document.createElement('li'); li.textContent = text; return li; }

async function loadSchema() {
  const types = $('types');
  types.textContent = '';
  let answer;
  try { answer = await post({ query: INTROSPECTION }); }
  catch (e) { $('schema-note').textContent = 'Could not reach the server: ' + e.message; return; }
  if (!answer.data) {
    $('schema-note').textContent = 'Schema browsing is off on this server (introspection is disabled in production); ' +
      'queries still run. ' + ((answer.errors && answer.errors[0] && answer.errors[0].message) || '');
    return;
  }
  const all = answer.data.__schema.types.filter((t) => !t.name.startsWith('__'));
  const roots = [answer.data.__schema.queryType, answer.data.__schema.mutationType].filter(Boolean).map((t) => t.name);
  all.sort((a, b) => (roots.includes(b.name) - roots.includes(a.name)) || a.name.localeCompare(b.name));
  $('schema-note').textContent = all.length + ' types. Click one to see its fields.';
  for (const t of all) {
    const d = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = t.kind.toLowerCase() + ' ' + t.name;
    d.append(s);
    if (t.description) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t.description; d.append(p); }
    const ul = document.createElement('ul');
    for (const f of t.fields || []) {
      const args = (f.args || []).map((a) => a.name + ': ' + typeName(a.type)).join(', ');
      const li = line(f.name + (args ? '(' + args + ')' : '') + ': ' + typeName(f.type));
      if (f.description) li.title = f.description;
      ul.append(li);
    }
    for (const f of t.inputFields || []) ul.append(line(f.name + ': ' + typeName(f.type)));
    for (const v of t.enumValues || []) ul.append(line(v.name));
    d.append(ul);
    types.append(d);
  }
}
loadSchema();
</script>
</body>
</html>
`;
