/**
 * The embeddable storefront widget. A shop adds one tag:
 *
 * ```html
 * <script src="https://chat.example.com/widget.js" data-shopkeep-init data-locale="en" defer></script>
 * ```
 *
 * (`data-shopkeep-init` starts it with the tag's `data-server`, `data-locale`, `data-title`,
 * `data-primary-color` and `data-position`, no inline script needed), or calls
 * `window.Shopkeep.init({ ... })` itself. Loading the script twice or calling `init` twice does
 * nothing more than the first time.
 */
import { parseSettings, type WidgetOptions } from './settings';
import { clickEvent, pageLoadEvents, Tracker } from './tracker';
import { ShopkeepWidget } from './widget';

export type { WidgetOptions } from './settings';

/** The widget's version, exposed as `Shopkeep.version`. */
export const WIDGET_VERSION = '0.1.0';

/** `window.Shopkeep`: the widget's whole public API. */
export interface ShopkeepApi {
  readonly version: string;
  /** Mount the widget; later calls are ignored. */
  init(options?: WidgetOptions): void;
  /** Record a behaviour event (`page_view`, `product_view`, `add_to_cart`, `remove_from_cart`, `purchase`). */
  track(event: unknown): boolean;
  open(): void;
  close(): void;
  /** The shopper's session id once the server has confirmed it. */
  sessionId(): string | undefined;
}

declare global {
  interface Window {
    Shopkeep?: ShopkeepApi;
  }
}

const SETTING_ATTRIBUTES = {
  server: 'data-server',
  locale: 'data-locale',
  title: 'data-title',
  primaryColor: 'data-primary-color',
  position: 'data-position',
} as const satisfies Record<keyof WidgetOptions, string>;

function createApi(script: HTMLScriptElement | null): ShopkeepApi {
  const tracker = new Tracker(() => window.location.href, (message) => console.warn(message));
  const defaultServer = scriptOrigin(script) ?? window.location.origin;
  let widget: ShopkeepWidget | undefined;
  let session: string | undefined;
  const mount = (options: WidgetOptions | undefined): void => {
    const { settings, warnings } = parseSettings(options, { defaultServer, browserLanguage: navigator.language });
    for (const warning of warnings) console.warn(`Shopkeep.init: ${warning}`);
    widget = new ShopkeepWidget(settings, {
      newClientId: () => crypto.randomUUID(),
      now: () => new Date(),
      tracker,
      onSession: (sessionId) => {
        session = sessionId;
        window.dispatchEvent(new CustomEvent('shopkeep:session', { detail: { sessionId } }));
      },
    });
    for (const event of pageLoadEvents(document)) tracker.track(event);
    document.addEventListener('click', (event) => {
      const raw = clickEvent(event.target);
      if (raw !== undefined) tracker.track(raw);
    }, true);
  };
  let initialised = false;
  return Object.freeze({
    version: WIDGET_VERSION,
    init(options?: WidgetOptions) {
      if (initialised) return;
      initialised = true;
      whenReady(() => mount(options));
    },
    track: (event: unknown) => tracker.track(event),
    open: () => widget?.open(),
    close: () => widget?.close(),
    sessionId: () => session,
  });
}

function scriptOrigin(script: HTMLScriptElement | null): string | undefined {
  if (script === null || script.src === '') return undefined;
  try {
    return new URL(script.src).origin;
  } catch {
    return undefined;
  }
}

function optionsFromScript(script: HTMLScriptElement): WidgetOptions {
  const options: WidgetOptions = {};
  for (const [key, attribute] of Object.entries(SETTING_ATTRIBUTES) as [keyof WidgetOptions, string][]) {
    const value = script.getAttribute(attribute);
    if (value !== null) options[key] = value;
  }
  return options;
}

function whenReady(run: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

// `currentScript` is only set while this file first runs, so read it now.
const currentScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
if (window.Shopkeep === undefined) {
  const api = createApi(currentScript);
  Object.defineProperty(window, 'Shopkeep', { value: api, writable: false, configurable: false });
  if (currentScript?.hasAttribute('data-shopkeep-init')) api.init(optionsFromScript(currentScript));
}
