/** What `el()` may set on an element. Text goes through `textContent`, never markup. */
export interface ElementProps {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

/**
 * Create an element. There is deliberately no way to pass HTML: every string the widget shows
 * (messages, product names, coupon codes) reaches the DOM as text, so it cannot become markup.
 * @example
 * el('p', { className: 'bubble', text: message.text })
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

/**
 * An image source that is safe to show: an http(s) URL, or an inline raster/SVG image (an
 * `<img>` never runs an SVG's scripts), which is how the demo shop ships its product pictures.
 */
export function safeImageSrc(value: unknown, base: string): string | undefined {
  if (typeof value === 'string' && /^data:image\/(?:png|jpeg|gif|webp|svg\+xml)[;,]/i.test(value)) return value;
  return safeHttpUrl(value, base);
}

/**
 * Accept a link or image address only when it is http(s), resolved against the server origin
 * (so relative product URLs point at the shop), never `javascript:` or `data:`.
 * @returns the absolute URL, or undefined when it must not be used
 */
export function safeHttpUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
