import type { Handoff } from '../store';
import type { ConversationView } from '../bot';
import { ApiError, type ConsoleApi, type ConsoleUser } from './api';
import { el, part } from './dom';
import { cartItems, fromStored, handoffFacts, insightPairs, noteItems, orderItems, profilePairs, transcriptLine, type TranscriptMessage } from './render';

/** How long "shopper is typing" shows without a new typing event. */
const TYPING_TIMEOUT_MS = 6000;
/** Agent typing is reported at most this often while keys are pressed. */
const TYPING_THROTTLE_MS = 2000;

/** What the pane needs from the live connection. */
export interface PaneLink {
  watch(conversationId: string): void;
  typing(handoffId: string, typing: boolean): void;
  read(handoffId: string, seq: number): void;
}

/** The open conversation: transcript, composer, and the shopper's context on the right. */
export class ConversationPane {
  private view: ConversationView | undefined;
  private handoff: Handoff | undefined;
  private readonly seen = new Set<string>();
  private typingTimer: number | undefined;
  private lastTypingSent = 0;
  private lastSeq = 0;
  private stopTypingTimer: number | undefined;

  constructor(
    private readonly api: ConsoleApi,
    private readonly link: PaneLink,
    private readonly me: () => ConsoleUser,
    private readonly onChanged: () => void,
  ) {
    part<HTMLFormElement>('composer').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send();
    });
    part<HTMLTextAreaElement>('reply').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        void this.send();
      }
    });
    part<HTMLTextAreaElement>('reply').addEventListener('input', () => this.reportTyping());
    part('claim').addEventListener('click', () => void this.act(() => this.api.claim(this.handoffId())));
    part('resolve').addEventListener('click', () => void this.act(() => this.api.resolve(this.handoffId())));
    part('transfer').addEventListener('click', () => void this.transfer());
    part<HTMLSelectElement>('canned').addEventListener('change', (e) => this.insertCanned(e.target as HTMLSelectElement));
    part<HTMLFormElement>('note-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.addNote();
    });
  }

  /** The conversation shown now. */
  get conversationId(): string | undefined {
    return this.view?.conversationId;
  }

  /** Loads and shows a conversation. */
  async open(conversationId: string): Promise<void> {
    const view = await this.api.conversation(conversationId);
    this.view = view;
    this.seen.clear();
    this.lastSeq = 0;
    part('transcript').replaceChildren();
    for (const m of view.messages) this.append(fromStored(m));
    part('chat-empty').hidden = true;
    part('chat').hidden = false;
    part('details').hidden = false;
    part('typing').textContent = '';
    this.link.watch(conversationId);
    this.renderDetails(view);
    this.setHandoff(view.handoff ?? undefined);
    await this.fillCannedAndTargets();
  }

  /** A live message of some conversation: shown when it is this one. */
  message(conversationId: string, m: TranscriptMessage): void {
    if (conversationId !== this.conversationId) return;
    this.append(m);
    if (m.role === 'shopper') part('typing').textContent = '';
    this.markRead();
  }

  /** A live handoff change. */
  handoffChanged(h: Handoff): void {
    if (h.conversationId === this.conversationId) this.setHandoff(h);
  }

  /** The shopper is (not) typing in some conversation. */
  shopperTyping(conversationId: string, typing: boolean): void {
    if (conversationId !== this.conversationId) return;
    part('typing').textContent = typing ? 'The shopper is typing…' : '';
    window.clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = window.setTimeout(() => (part('typing').textContent = ''), TYPING_TIMEOUT_MS);
  }

  /** Focuses the reply box (or the claim button when the conversation is not ours yet). */
  focusReply(): void {
    const reply = part<HTMLTextAreaElement>('reply');
    if (!reply.disabled) reply.focus();
    else if (!part<HTMLButtonElement>('claim').hidden) part<HTMLButtonElement>('claim').focus();
  }

  private owned(): boolean {
    return this.handoff?.status === 'assigned' && this.handoff.agentId === this.me().id;
  }

  private handoffId(): string {
    if (!this.handoff) throw new Error('no handoff open');
    return this.handoff.id;
  }

  private setHandoff(h: Handoff | undefined): void {
    this.handoff = h;
    const owned = this.owned();
    const waiting = h?.status === 'queued' || h?.status === 'transferred';
    part('chat-title').textContent = h ? `Conversation ${h.conversationId.slice(-8)}` : 'Conversation';
    part('chat-status').textContent = h ? (owned ? 'yours' : h.status) : '';
    part<HTMLButtonElement>('claim').hidden = !waiting;
    for (const name of ['reply', 'send', 'resolve', 'transfer', 'transfer-target', 'canned']) {
      (part(name) as HTMLButtonElement).disabled = !owned;
    }
    part('meta').textContent = h ? handoffFacts(h) : '';
    if (owned) this.markRead();
  }

  private append(m: TranscriptMessage): void {
    if (this.seen.has(m.id)) return;
    this.seen.add(m.id);
    this.lastSeq = Math.max(this.lastSeq, m.seq);
    const list = part('transcript');
    list.append(transcriptLine(m));
    list.scrollTop = list.scrollHeight;
  }

  private markRead(): void {
    if (!this.owned() || this.lastSeq === 0 || document.visibilityState === 'hidden') return;
    this.link.read(this.handoffId(), this.lastSeq);
  }

  private renderDetails(view: ConversationView): void {
    part('summary').textContent = view.handoff?.summary ?? '';
    part('profile').replaceChildren(...profilePairs(view));
    part('orders').replaceChildren(...orderItems(view.orders));
    part('cart').replaceChildren(...cartItems(view.cart));
    part('insights').replaceChildren(...insightPairs(view.insights));
    part('notes').replaceChildren(...noteItems(view.notes));
  }

  private async fillCannedAndTargets(): Promise<void> {
    const [{ replies }, { agents }] = await Promise.all([this.api.canned(), this.api.agents()]);
    const locale = this.view?.profile.locale ?? 'en';
    const canned = part<HTMLSelectElement>('canned');
    canned.replaceChildren(el('option', { text: 'Insert a canned reply…', attrs: { value: '' } }));
    for (const r of replies.filter((x) => x.locale === locale)) canned.append(el('option', { text: r.title, attrs: { value: r.text } }));
    const target = part<HTMLSelectElement>('transfer-target');
    target.replaceChildren(
      ...['general', 'billing'].map((team) => el('option', { text: `Team: ${team}`, attrs: { value: `team:${team}` } })),
      ...agents.filter((a) => a.id !== this.me().id).map((a) => el('option', { text: `${a.name} (${a.presence}, ${a.load}/${a.capacity})`, attrs: { value: `agent:${a.id}` } })),
    );
  }

  private insertCanned(select: HTMLSelectElement): void {
    if (!select.value) return;
    const reply = part<HTMLTextAreaElement>('reply');
    reply.value = reply.value ? `${reply.value} ${select.value}` : select.value;
    select.value = '';
    reply.focus();
  }

  private reportTyping(): void {
    if (!this.owned()) return;
    const now = Date.now();
    if (now - this.lastTypingSent > TYPING_THROTTLE_MS) {
      this.lastTypingSent = now;
      this.link.typing(this.handoffId(), true);
    }
    window.clearTimeout(this.stopTypingTimer);
    this.stopTypingTimer = window.setTimeout(() => {
      this.lastTypingSent = 0;
      if (this.owned()) this.link.typing(this.handoffId(), false);
    }, TYPING_THROTTLE_MS);
  }

  private async send(): Promise<void> {
    const reply = part<HTMLTextAreaElement>('reply');
    const text = reply.value.trim();
    if (!text || !this.owned()) return;
    await this.act(async () => {
      await this.api.send(this.handoffId(), text);
      reply.value = '';
      this.link.typing(this.handoffId(), false);
    });
  }

  private async transfer(): Promise<void> {
    const [kind, id] = part<HTMLSelectElement>('transfer-target').value.split(':');
    if (!id) return;
    await this.act(() => this.api.transfer(this.handoffId(), kind === 'team' ? { team: id } : { agentId: id }));
  }

  private async addNote(): Promise<void> {
    const note = part<HTMLTextAreaElement>('note');
    const text = note.value.trim();
    if (!text || !this.conversationId) return;
    await this.act(async () => {
      await this.api.note(this.conversationId as string, text);
      note.value = '';
      part('notes').replaceChildren(...noteItems((await this.api.conversation(this.conversationId as string)).notes));
    });
  }

  private async act(fn: () => Promise<unknown>): Promise<void> {
    const error = part('chat-error');
    error.textContent = '';
    try {
      await fn();
      this.onChanged();
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : 'Something went wrong; try again.';
    }
  }
}
