import { Router, type Request, type Response } from 'express';
import { BOT_FRAMEWORK_ACTIVITY, type BotFrameworkChannel } from '../bot';
import { HttpError } from './errors';

/** Hosts a channel may name as its `serviceUrl` when auth is off: this machine only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a URL points at this machine (the Bot Framework Emulator, the Direct Line emulation). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * `POST /api/messages`, the Bot Framework channel's endpoint. Input is checked before botbuilder
 * sees it: a body that is no Activity is a 400 and a request without a token (when auth is on)
 * a 401, both before anything is stored; botbuilder then verifies the token itself. With auth off,
 * replies may only go to a `serviceUrl` on this machine, so an anonymous caller cannot make the
 * server post to other hosts.
 */
export function botFrameworkApi(channel: BotFrameworkChannel): Router {
  const router = Router();
  router.post('/api/messages', async (req: Request, res: Response) => {
    const parsed = BOT_FRAMEWORK_ACTIVITY.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `not a Bot Framework Activity: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    }
    if (channel.authenticated && !/^Bearer \S+$/.test(req.get('authorization') ?? '')) throw new HttpError(401, 'a Bot Framework token is required');
    if (!channel.authenticated && !isLoopbackUrl(parsed.data.serviceUrl)) {
      throw new HttpError(403, 'with MicrosoftAppId empty (no auth) the serviceUrl must be on this machine');
    }
    await channel.process(req, res);
  });
  return router;
}
