import type { ConversationEntry } from './conversation';
import type { ConnectionState } from './connection';
import { el } from './dom';
import type { UiStrings } from './i18n';
import { currentQuickReplies, entryKey, entryVersion, renderEntry, type MessageContext } from './message-view';
import type { WidgetSettings } from './settings';
import { WIDGET_CSS } from './styles';

/** What the view reports back to the widget. */
export interface ViewHandlers {
  onSend: (text: string) => void;
  onTyping: (typing: boolean) => void;
}

/** Longest message the composer accepts; the server refuses far longer ones anyway. */
const MAX_MESSAGE_LENGTH = 2000;
/** The chat bubble icon, built as SVG nodes (static, no data). */
const ICON_PATH = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';

/**
 * The widget's DOM inside a shadow root: a launcher button and a non-modal chat dialog. Opening
 * moves focus to the message box, Escape closes and returns focus to the launcher, new messages
 * are announced through the log's live region.
 */
export class WidgetView {
  readonly host: HTMLElement;
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly panel: HTMLElement;
  private readonly status: HTMLParagraphElement;
  private readonly log: HTMLOListElement;
  private readonly typing: HTMLParagraphElement;
  private readonly quickReplies: HTMLDivElement;
  private readonly input: HTMLTextAreaElement;
  private readonly rendered = new Map<string, { version: string; node: HTMLLIElement }>();
  private unread = 0;

  constructor(
    private readonly settings: WidgetSettings,
    private readonly strings: UiStrings,
    private readonly context: MessageContext,
    private readonly handlers: ViewHandlers,
  ) {
    this.host = el('div', { attrs: { id: 'shopkeep-widget', 'data-shopkeep-widget': '' } });
    const shadow = this.host.attachShadow({ mode: 'open' });
    const title = settings.title ?? strings.defaultTitle;
    this.launcher = el('button', {
      className: 'launcher',
      attrs: { type: 'button', 'aria-label': strings.openChat, 'aria-expanded': 'false', 'aria-controls': 'sk-panel' },
    });
    this.launcher.append(chatIcon());
    this.badge = el('span', { className: 'badge', attrs: { hidden: '' } });
    this.launcher.append(this.badge);
    this.status = el('p', { className: 'status', attrs: { role: 'status', hidden: '' } });
    this.log = el('ol', { className: 'log', attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': strings.conversation } });
    this.typing = el('p', { className: 'typing', attrs: { 'aria-live': 'polite', hidden: '' } });
    this.quickReplies = el('div', { className: 'quick-replies', attrs: { role: 'group', 'aria-label': strings.suggestedReplies } });
    this.input = el('textarea', {
      attrs: { id: 'sk-input', rows: '1', maxlength: String(MAX_MESSAGE_LENGTH), placeholder: strings.placeholder, autocomplete: 'off' },
    });
    this.panel = this.buildPanel(title);
    this.root = el('div', { className: `root ${settings.position}` }, [this.panel, this.launcher]);
    this.root.style.setProperty('--sk-primary', settings.primaryColor);
    shadow.append(el('style', { text: WIDGET_CSS }), this.root);
    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    this.root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.isOpen) return;
      event.stopPropagation();
      this.close();
    });
  }

  /** Whether the chat panel is showing. */
  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Show the panel and put the cursor in the message box. */
  open(): void {
    this.panel.hidden = false;
    this.root.classList.add('open');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.launcher.setAttribute('aria-label', this.strings.closeChat);
    this.setUnread(0);
    this.scrollToEnd();
    this.input.focus();
  }

  /** Hide the panel and give focus back to the launcher. */
  close(): void {
    this.panel.hidden = true;
    this.root.classList.remove('open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-label', this.strings.openChat);
    this.launcher.focus();
  }

  /** Draw the conversation, touching only entries that changed so the live region stays quiet. */
  render(entries: readonly ConversationEntry[], announceNew: boolean): void {
    const keys = new Set<string>();
    let added = 0;
    entries.forEach((entry, index) => {
      const key = entryKey(entry);
      keys.add(key);
      const node = this.nodeFor(key, entry, () => (added += entry.message.role === 'shopper' ? 0 : 1));
      const current = this.log.children[index];
      if (current !== node) this.log.insertBefore(node, current ?? null);
    });
    for (const [key, { node }] of this.rendered) {
      if (keys.has(key)) continue;
      node.remove();
      this.rendered.delete(key);
    }
    this.renderQuickReplies(currentQuickReplies(entries));
    if (announceNew && added > 0 && !this.isOpen) this.setUnread(this.unread + added);
    this.scrollToEnd();
  }

  /** Show or hide "the assistant is typing". */
  setTyping(role: 'bot' | 'agent' | undefined): void {
    this.typing.hidden = role === undefined;
    this.typing.textContent = role === 'agent' ? this.strings.typingAgent : role === 'bot' ? this.strings.typingBot : '';
  }

  /** Reflect the connection in the header notice. */
  setConnection(state: ConnectionState): void {
    this.status.hidden = state === 'online';
    this.status.textContent = state === 'connecting' ? this.strings.connecting : state === 'offline' ? this.strings.offline : '';
  }

  private nodeFor(key: string, entry: ConversationEntry, onNew: () => void): HTMLLIElement {
    const version = entryVersion(entry);
    const known = this.rendered.get(key);
    if (known !== undefined && known.version === version) return known.node;
    const node = renderEntry(entry, this.context);
    if (known === undefined) onNew();
    else known.node.replaceWith(node);
    this.rendered.set(key, { version, node });
    return node;
  }

  private buildPanel(title: string): HTMLElement {
    const close = el('button', { className: 'close', text: '×', attrs: { type: 'button', 'aria-label': this.strings.closeChat } });
    close.addEventListener('click', () => this.close());
    const send = el('button', { className: 'send', text: this.strings.send, attrs: { type: 'submit' } });
    const form = el('form', {}, [
      el('label', { className: 'visually-hidden', text: this.strings.messageLabel, attrs: { for: 'sk-input' } }),
      this.input,
      send,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => this.handlers.onTyping(this.input.value.trim() !== ''));
    const panel = el('section', {
      className: 'panel',
      attrs: { id: 'sk-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'sk-title', hidden: '' },
    }, [
      el('header', {}, [el('h2', { text: title, attrs: { id: 'sk-title' } }), close]),
      this.status, this.log, this.typing, this.quickReplies, form,
    ]);
    return panel;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (text === '') return;
    this.input.value = '';
    this.handlers.onTyping(false);
    this.handlers.onSend(text);
  }

  private renderQuickReplies(replies: readonly string[]): void {
    this.quickReplies.replaceChildren(
      ...replies.map((reply) => {
        const button = el('button', { text: reply, attrs: { type: 'button' } });
        button.addEventListener('click', () => {
          this.handlers.onSend(reply);
          this.input.focus();
        });
        return button;
      }),
    );
  }

  private setUnread(count: number): void {
    this.unread = count;
    this.badge.hidden = count === 0;
    this.badge.textContent = count === 0 ? '' : String(count);
    const label = this.isOpen ? this.strings.closeChat : this.strings.openChat;
    this.launcher.setAttribute('aria-label', count === 0 ? label : `${label} (${this.strings.unread(count)})`);
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICON_PATH);
  svg.append(path);
  return svg;
}
