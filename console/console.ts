import { io, type Socket } from 'socket.io-client';
import type { Handoff } from '../store';
import type { QueueItem } from '../bot';
import { ApiError, ConsoleApi, type ConsoleUser } from './api';
import { ConversationPane } from './conversation-pane';
import { arrowNavigation, part } from './dom';
import { followUpItem, queueEntry, type TranscriptMessage } from './render';

/** The `/agent` events the console listens to (the server's `AgentServerEvents`). */
interface AgentEvents {
  queue: () => void;
  handoff: (handoff: Handoff) => void;
  message: (payload: { conversationId: string; message: TranscriptMessage }) => void;
  typing: (payload: { conversationId: string; typing: boolean }) => void;
  presence: (payload: { userId: string; presence: string }) => void;
}
/** What the console emits on `/agent`. */
interface ConsoleEvents {
  presence: (payload: { presence: 'online' | 'away' }) => void;
  watch: (payload: { conversationId: string }) => void;
  typing: (payload: { handoffId: string; typing: boolean }) => void;
  read: (payload: { handoffId: string; seq: number }) => void;
}

/** Clicks a button the agent could click now (shown and enabled). */
function clickIfUsable(button: HTMLButtonElement): void {
  if (!button.hidden && !button.disabled) button.click();
}

/** The presence the agent chose last, kept across reloads in this browser. */
const PRESENCE_KEY = 'shopkeep.console.presence';

/** The signed-in console: queue on the left, the open conversation in the middle, context on the right. */
class ConsoleApp {
  private readonly socket: Socket<AgentEvents, ConsoleEvents>;
  private readonly pane: ConversationPane;
  private queueTimer: number | undefined;

  constructor(
    private readonly api: ConsoleApi,
    private me: ConsoleUser,
  ) {
    this.socket = io('/agent', { withCredentials: true });
    this.pane = new ConversationPane(
      api,
      {
        watch: (conversationId) => this.socket.emit('watch', { conversationId }),
        typing: (handoffId, typing) => this.socket.emit('typing', { handoffId, typing }),
        read: (handoffId, seq) => this.socket.emit('read', { handoffId, seq }),
      },
      () => this.me,
      () => this.refreshQueue(),
    );
    this.listen();
    this.bindKeys();
    part('me').textContent = `${me.name} (${me.role})`;
    part('app').hidden = false;
    part('login').hidden = true;
  }

  private presence(): 'online' | 'away' {
    return localStorage.getItem(PRESENCE_KEY) === 'away' ? 'away' : 'online';
  }

  private listen(): void {
    const status = part('connection');
    const select = part<HTMLSelectElement>('presence');
    select.value = this.presence();
    select.addEventListener('change', () => {
      localStorage.setItem(PRESENCE_KEY, select.value);
      this.socket.emit('presence', { presence: this.presence() });
    });
    this.socket.on('connect', () => {
      status.textContent = 'live';
      this.socket.emit('presence', { presence: this.presence() });
      if (this.pane.conversationId) this.socket.emit('watch', { conversationId: this.pane.conversationId });
      this.refreshQueue();
    });
    this.socket.on('disconnect', () => (status.textContent = 'reconnecting…'));
    this.socket.on('connect_error', () => (status.textContent = 'offline: reconnecting…'));
    this.socket.on('queue', () => this.refreshQueue());
    this.socket.on('handoff', (h) => this.pane.handoffChanged(h));
    this.socket.on('message', ({ conversationId, message }) => this.pane.message(conversationId, message));
    this.socket.on('typing', ({ conversationId, typing }) => this.pane.shopperTyping(conversationId, typing));
    part('logout').addEventListener('click', () => void this.api.logout().finally(() => location.reload()));
    arrowNavigation(part('mine'));
    arrowNavigation(part('waiting'));
  }

  private bindKeys(): void {
    document.addEventListener('keydown', (e) => {
      if (!e.altKey) return;
      // By physical key, so Alt+C is the same on layouts where Alt changes the character.
      const actions: Record<string, () => void> = {
        Digit1: () => (part('mine').querySelector('button') ?? part('waiting').querySelector('button'))?.focus(),
        Digit2: () => this.pane.focusReply(),
        KeyC: () => clickIfUsable(part<HTMLButtonElement>('claim')),
        KeyK: () => part<HTMLSelectElement>('canned').focus(),
        KeyR: () => clickIfUsable(part<HTMLButtonElement>('resolve')),
      };
      const action = actions[e.code];
      if (!action) return;
      e.preventDefault();
      action();
    });
  }

  /** Fetches the queue again, at most every 150 ms however many events arrive. */
  refreshQueue(): void {
    window.clearTimeout(this.queueTimer);
    this.queueTimer = window.setTimeout(() => void this.loadQueue(), 150);
  }

  private async loadQueue(): Promise<void> {
    try {
      const [{ waiting, mine }, { followUps }] = await Promise.all([this.api.queue(), this.api.followUps()]);
      part('follow-ups').replaceChildren(...followUps.map(followUpItem));
      if (followUps.length === 0) part('follow-ups').append(Object.assign(document.createElement('li'), { className: 'none', textContent: 'None.' }));
      this.renderList(part('mine'), mine, 'No conversations yet: claim one from the queue.');
      this.renderList(part('waiting'), waiting, 'Nobody is waiting.');
      part('waiting-count').textContent = `(${waiting.length})`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) location.reload();
    }
  }

  private renderList(list: HTMLElement, items: readonly QueueItem[], empty: string): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset.handoff;
    list.replaceChildren(
      ...items.map((item) => queueEntry(item, item.handoff.conversationId === this.pane.conversationId, () => void this.openConversation(item.handoff.conversationId))),
    );
    if (items.length === 0) list.append(Object.assign(document.createElement('li'), { className: 'none', textContent: empty }));
    if (focused) list.querySelector<HTMLButtonElement>(`[data-handoff="${CSS.escape(focused)}"]`)?.focus();
  }

  private async openConversation(conversationId: string): Promise<void> {
    await this.pane.open(conversationId);
    this.refreshQueue();
  }
}

async function signIn(api: ConsoleApi): Promise<ConsoleUser> {
  const form = part<HTMLFormElement>('login-form');
  part('login').hidden = false;
  form.querySelector<HTMLInputElement>('input[name=email]')?.focus();
  return new Promise((resolve) => {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      api.login(String(data.get('email') ?? ''), String(data.get('password') ?? '')).then(resolve, (err: unknown) => {
        part('login-error').textContent = err instanceof Error ? err.message : 'sign-in failed';
      });
    });
  });
}

async function main(): Promise<void> {
  const api = new ConsoleApi();
  const me = (await api.me()) ?? (await signIn(api));
  new ConsoleApp(api, me);
}

void main();
