/** A refused request, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT';

/**
 * The console pages' REST session: a same-origin cookie after `login`, and the CSRF token the
 * server hands out with it, sent on every change. The agent inbox and the manager dashboard
 * share it because they sign in through the same `/api/agent/*` routes.
 *
 * @typeParam U - the user as the page needs it
 */
export class SessionClient<U> {
  private csrfToken = '';

  protected async request<T>(method: Method, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) throw new ApiError(res.status, json.error ?? `request failed (${res.status})`);
    return json as T;
  }

  async login(email: string, password: string): Promise<U> {
    const { user, csrfToken } = await this.request<{ user: U; csrfToken: string }>('POST', '/api/agent/login', { email, password });
    this.csrfToken = csrfToken;
    return user;
  }

  /** The signed-in user, or undefined without a live session. */
  async me(): Promise<U | undefined> {
    try {
      const { user, csrfToken } = await this.request<{ user: U; csrfToken: string }>('GET', '/api/agent/me');
      this.csrfToken = csrfToken;
      return user;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return undefined;
      throw err;
    }
  }

  logout = (): Promise<unknown> => this.request('POST', '/api/agent/logout', {});
}
