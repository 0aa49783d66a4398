/** A keep-alive GraphQL client over node:http for the loopback bench (127.0.0.1 only). */
import http from 'node:http';

export class GraphqlClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** POSTs a query; resolves to `data`, rejects on a non-200 status or any GraphQL error. */
  async request<T = any>(query: string, variables: object, token: string | null): Promise<T> {
    return (await this.exchange<T>(query, variables, token)).data;
  }

  /** As request(), with extra request headers, resolving to `data` and the response headers too. */
  exchange<T = any>(
    query: string,
    variables: object,
    token: string | null,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ data: T; headers: http.IncomingHttpHeaders }> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...extraHeaders,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              const parsed = JSON.parse(text) as { data?: T; errors?: unknown[] };
              if (res.statusCode !== 200 || parsed.errors)
                reject(new Error(`${res.statusCode} ${text.slice(0, 300)}`));
              else resolve({ data: parsed.data as T, headers: res.headers });
            } catch {
              reject(new Error(`${res.statusCode} ${text.slice(0, 300)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GETs a path on the same keep-alive agent; rejects on a non-200 status. */
  get(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, path, agent: this.agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Polls GET /ready until it answers 200; resolves to the ms it took from `since`. */
export async function waitForReady(port: number, since: number, timeoutMs: number): Promise<number> {
  const until = since + timeoutMs;
  while (performance.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/ready' }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(1000, () => req.destroy());
    });
    if (ok) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`/ready did not answer 200 within ${timeoutMs} ms`);
}
