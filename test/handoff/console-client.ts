import { io as connect, type Socket } from 'socket.io-client';

/** A signed-in console session for tests: the cookie and the CSRF token. */
export interface ConsoleSession {
  cookie: string;
  csrfToken: string;
  user: { id: string; name: string; role: string };
}

/** Signs in through the REST API. */
export async function login(url: string, email: string, password: string): Promise<ConsoleSession> {
  const res = await fetch(`${url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: ConsoleSession['user'] };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: body.csrfToken, user: body.user };
}

/** One REST call, as the console makes it (cookie + CSRF header) unless told otherwise. */
export async function call(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  session?: ConsoleSession,
  body: unknown = {},
  options: { csrf?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) headers.cookie = session.cookie;
  if (session && (options.csrf ?? true)) headers['x-csrf-token'] = session.csrfToken;
  const res = await fetch(`${url}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** A console-like client of a namespace (default `/agent`), with the session cookie. */
export function agentSocket(url: string, session?: ConsoleSession, options: { origin?: string; namespace?: string } = {}): Socket {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (options.origin) headers.origin = options.origin;
  return connect(`${url}${options.namespace ?? '/agent'}`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
}

/** Resolves once connected, rejects with the refusal message. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Emits with an ack and resolves with it. */
export function emitAck(socket: Socket, event: string, payload: unknown): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}

/** Resolves with the first event of a name whose payload passes `match`. */
export function nextEvent<T>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no matching ${event} event`));
    }, timeoutMs);
    const on = (payload: T): void => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(payload);
    };
    socket.on(event, on);
  });
}
