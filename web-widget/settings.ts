import * as z from 'zod/mini';

/** Corners the launcher can sit in. */
export const POSITIONS = ['bottom-right', 'bottom-left'] as const;
/** A launcher corner. */
export type Position = (typeof POSITIONS)[number];

/** UI languages the widget ships strings for. */
export const LOCALES = ['en', 'zh'] as const;
/** A UI language. */
export type Locale = (typeof LOCALES)[number];

/** The longest title shown in the header; longer ones would break the layout on a phone. */
const MAX_TITLE_LENGTH = 60;
/** Only plain hex colours: the value ends up in CSS, so anything richer could inject rules. */
const COLOUR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** What a shop may pass to `Shopkeep.init()`. Every field is optional. */
export interface WidgetOptions {
  /** Origin of the Shopkeep server, e.g. `https://chat.example.com`. @default the origin `widget.js` was loaded from */
  server?: string;
  /** UI language. @default `zh` when the browser prefers Chinese, else `en` */
  locale?: string;
  /** Header text. @default "Shop assistant" (localised) */
  title?: string;
  /** Accent colour as `#rgb` or `#rrggbb`. @default '#2f6f4e' */
  primaryColor?: string;
  /** Corner of the launcher. @default 'bottom-right' */
  position?: string;
}

/** Settings after validation: every field present and safe to use. */
export interface WidgetSettings {
  /** An `http:`/`https:` origin, never a path. */
  server: string;
  locale: Locale;
  /** Undefined means the localised default title. */
  title: string | undefined;
  primaryColor: string;
  position: Position;
}

/** Where the page is and which language the browser prefers, for defaults. */
export interface SettingsContext {
  /** Origin `widget.js` was served from, or the page's origin. */
  defaultServer: string;
  /** `navigator.language`. */
  browserLanguage: string | undefined;
}

/** The result of checking options: the settings, and one line per rejected field. */
export interface ParsedSettings {
  settings: WidgetSettings;
  warnings: string[];
}

const DEFAULT_COLOUR = '#2f6f4e';

const FIELD_SCHEMAS = {
  server: z.string().check(z.refine((value) => serverOrigin(value) !== undefined, 'must be an http(s) URL')),
  locale: z.string().check(z.refine((value) => normaliseLocale(value) !== undefined, 'must be en or zh')),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
  primaryColor: z.string().check(z.regex(COLOUR_PATTERN, 'must be #rgb or #rrggbb')),
  position: z.enum(POSITIONS),
};

type Field = keyof typeof FIELD_SCHEMAS;
const FIELDS = Object.keys(FIELD_SCHEMAS) as Field[];

/**
 * Reduce a URL to its origin, accepting only http(s) without credentials.
 * @returns the origin, or undefined when the value is not an acceptable server URL
 */
export function serverOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.origin;
}

/** Map `en`, `en-GB`, `zh-CN`, ... to a supported locale, or undefined. */
export function normaliseLocale(value: string): Locale | undefined {
  const language = value.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language);
}

/**
 * Check `Shopkeep.init()` options against the allowlists. A bad field never breaks the host page:
 * it is dropped with a warning and its default is used; unknown fields are reported too.
 * @example
 * parseSettings({ locale: 'zh', primaryColor: 'red' }, { defaultServer: 'https://shop.test', browserLanguage: 'en' })
 * // → settings.locale 'zh', settings.primaryColor '#2f6f4e', warnings ['primaryColor: must be #rgb or #rrggbb']
 */
export function parseSettings(options: unknown, context: SettingsContext): ParsedSettings {
  const warnings: string[] = [];
  const input: Record<string, unknown> = isRecord(options) ? options : {};
  if (options !== undefined && !isRecord(options)) warnings.push('options: must be an object');
  for (const key of Object.keys(input)) {
    if (!(FIELDS as string[]).includes(key)) warnings.push(`${key}: unknown setting, ignored`);
  }
  const valid: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    if (input[field] === undefined) continue;
    const result = FIELD_SCHEMAS[field].safeParse(input[field]);
    if (result.success) valid[field] = result.data;
    else warnings.push(`${field}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  }
  const settings: WidgetSettings = {
    server: serverOrigin(valid.server ?? context.defaultServer) ?? context.defaultServer,
    locale: normaliseLocale(valid.locale ?? context.browserLanguage ?? 'en') ?? 'en',
    title: valid.title,
    primaryColor: valid.primaryColor ?? DEFAULT_COLOUR,
    position: (valid.position as Position | undefined) ?? 'bottom-right',
  };
  return { settings, warnings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
