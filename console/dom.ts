/** What `el()` may set. Text goes through `textContent`, never markup: nothing rendered can become HTML. */
export interface ElementProps {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

/**
 * Creates an element with text children only.
 * @example
 * el('li', { className: 'shopper', text: message.text })
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

/** The element marked `data-<name>` (the page's fixed skeleton); throws when the page lacks it. */
export function part<T extends HTMLElement = HTMLElement>(name: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(`[data-${name}]`);
  if (!found) throw new Error(`console page has no [data-${name}]`);
  return found;
}

/** `<dt>`/`<dd>` pairs for a definition list. */
export function pairs(entries: readonly [string, string][]): Node[] {
  return entries.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]);
}

/** Moves focus to the next or previous button of a list with the arrow keys. */
export function arrowNavigation(list: HTMLElement): void {
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  });
}

/** Minutes and seconds since an ISO time, e.g. "3 min". */
export function since(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
