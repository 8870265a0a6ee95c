import { randomBytes } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { HttpError } from './errors';

/** Where the emulation sends Activities and where the bot sends replies back. */
export interface DirectLineOptions {
  /** The bot's `/api/messages` URL (on this machine). */
  botEndpoint: () => string;
  /** The emulation's own base URL, given to the bot as `serviceUrl`. */
  serviceUrl: () => string;
  /** Conversations kept; the oldest is dropped beyond this. @default 200 */
  maxConversations?: number;
  /** Activities kept per conversation. @default 500 */
  maxActivities?: number;
}

/** An Activity as the emulation keeps it (whatever the client or bot sent, plus ids). */
type StoredActivity = Record<string, unknown> & { id: string };

interface Conversation {
  id: string;
  token: string;
  activities: StoredActivity[];
  /** Activities ever added (the watermark), so ids stay unique after old ones are dropped. */
  added: number;
}

const CLIENT_ACTIVITY = z
  .object({
    type: z.string().min(1).max(64),
    from: z.object({ id: z.string().min(1).max(256) }).passthrough(),
    text: z.string().max(4000).optional(),
  })
  .passthrough();

const BOT_ACTIVITY = z.object({ type: z.string().min(1).max(64) }).passthrough();

const TOKEN_TTL_SECONDS = 3600;
const BOT_ACCOUNT = { id: 'shopkeep', name: 'Shopkeep', role: 'bot' };
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function loopbackOnly(req: Request, _res: Response, next: NextFunction): void {
  next(LOOPBACK.has(req.socket.remoteAddress ?? '') ? undefined : new HttpError(403, 'the Direct Line emulation only serves this machine'));
}

/**
 * A Direct Line 3.0 emulation for local use, so Microsoft's Web Chat (and any Direct Line
 * client) can talk to the bot without Azure. It speaks Direct Line to the client (start a
 * conversation, post an Activity, poll `activities?watermark=`) and the Bot Framework
 * connector API to the bot: client Activities are posted to `/api/messages` like a real
 * channel's, and the bot's replies come back to `v3/conversations/:id/activities`. Polling
 * only (no WebSocket stream); conversations live in memory, which is what a local stand-in
 * for Microsoft's service needs. Served to 127.0.0.1 only.
 */
export class DirectLineEmulation {
  private readonly conversations = new Map<string, Conversation>();

  constructor(private readonly options: DirectLineOptions) {}

  /** The routes, to mount under `/directline`. */
  router(): Router {
    const router = Router();
    router.use(loopbackOnly);
    router.post('/v3/directline/tokens/generate', (_req, res) => void res.json(this.describe(this.start())));
    router.post('/v3/directline/tokens/refresh', (req, res) => void res.json(this.describe(this.byToken(req))));
    router.post('/v3/directline/conversations', (req, res) => {
      const existing = this.tokenOf(req) ? this.byToken(req) : undefined;
      res.status(201).json(this.describe(existing ?? this.start()));
    });
    router.get('/v3/directline/conversations/:id', (req, res) => void res.json(this.describe(this.authorised(req))));
    router.get('/v3/directline/conversations/:id/activities', (req, res) => void res.json(this.since(this.authorised(req), req.query.watermark)));
    router.post('/v3/directline/conversations/:id/activities', async (req, res) => {
      const conversation = this.authorised(req);
      res.json({ id: await this.fromClient(conversation, CLIENT_ACTIVITY.parse(req.body)) });
    });
    // The connector API the bot replies through (serviceUrl = <emulation>/).
    router.post(['/v3/conversations/:id/activities', '/v3/conversations/:id/activities/:replyToId'], (req, res) => {
      const conversation = this.conversations.get(String(req.params.id));
      if (!conversation) throw new HttpError(404, 'unknown conversation');
      res.json({ id: this.add(conversation, { ...BOT_ACTIVITY.parse(req.body), from: BOT_ACCOUNT }) });
    });
    return router;
  }

  private start(): Conversation {
    const conversation: Conversation = { id: randomBytes(12).toString('base64url'), token: randomBytes(24).toString('base64url'), activities: [], added: 0 };
    this.conversations.set(conversation.id, conversation);
    const max = this.options.maxConversations ?? 200;
    for (const id of this.conversations.keys()) {
      if (this.conversations.size <= max) break;
      this.conversations.delete(id);
    }
    return conversation;
  }

  private describe(conversation: Conversation): Record<string, unknown> {
    return { conversationId: conversation.id, token: conversation.token, expires_in: TOKEN_TTL_SECONDS };
  }

  private tokenOf(req: Request): string | undefined {
    return /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
  }

  private byToken(req: Request): Conversation {
    const token = this.tokenOf(req);
    const found = [...this.conversations.values()].find((c) => c.token === token);
    if (!found) throw new HttpError(403, 'unknown Direct Line token');
    return found;
  }

  private authorised(req: Request): Conversation {
    const conversation = this.byToken(req);
    if (conversation.id !== req.params.id) throw new HttpError(403, 'the token is for another conversation');
    return conversation;
  }

  private since(conversation: Conversation, watermark: unknown): { activities: StoredActivity[]; watermark: string } {
    const from = Math.max(0, Number.parseInt(String(watermark ?? '0'), 10) || 0);
    const dropped = conversation.added - conversation.activities.length;
    return { activities: conversation.activities.slice(Math.max(0, from - dropped)), watermark: String(conversation.added) };
  }

  private add(conversation: Conversation, activity: Record<string, unknown>): string {
    const id = `${conversation.id}|${String(conversation.added).padStart(7, '0')}`;
    const stored: StoredActivity = {
      ...activity,
      id,
      timestamp: new Date().toISOString(),
      channelId: 'directline',
      conversation: { id: conversation.id },
    };
    conversation.activities.push(stored);
    conversation.added += 1;
    const max = this.options.maxActivities ?? 500;
    if (conversation.activities.length > max) conversation.activities.splice(0, conversation.activities.length - max);
    return id;
  }

  /** Keeps the client's Activity (Web Chat matches its echo by channelData) and posts it to the bot. */
  private async fromClient(conversation: Conversation, activity: z.infer<typeof CLIENT_ACTIVITY>): Promise<string> {
    const id = this.add(conversation, { ...activity, from: { ...activity.from, role: 'user' } });
    const stored = conversation.activities[conversation.activities.length - 1];
    const response = await fetch(this.options.botEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...stored, serviceUrl: this.options.serviceUrl(), recipient: BOT_ACCOUNT }),
    });
    await response.body?.cancel();
    if (!response.ok) throw new HttpError(502, `the bot answered ${response.status}`);
    return id;
  }
}
