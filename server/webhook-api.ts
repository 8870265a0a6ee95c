import express, { Router, type Request, type Response } from 'express';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature, type SignatureCheck, type WebhookChannel } from '../bot';
import type { Clock } from '../store';
import { HttpError } from './errors';

/** What the inbound endpoint checks signatures with. */
export interface WebhookApiOptions {
  secret: string;
  /** How far the sender's timestamp may be from now, either way. */
  toleranceSeconds: number;
  clock: Clock;
}

function refusal(check: Exclude<SignatureCheck, 'ok'>): string {
  switch (check) {
    case 'missing':
      return `${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required`;
    case 'bad_timestamp':
      return `${TIMESTAMP_HEADER} must be Unix seconds`;
    case 'stale':
      return `${TIMESTAMP_HEADER} is too far from now`;
    case 'bad_signature':
      return 'signature does not match';
    default:
      return check satisfies never;
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'body must be JSON');
  }
}

/**
 * `POST /api/webhook/messages`: a shop's own channel posts its users' messages here, signed with
 * the shared secret over the raw body. Refusals store nothing: 401 for a missing, stale or wrong
 * signature, 400 for a body that is not a message, 409 for a message id seen before. A stored
 * message is answered 202 `{ id }`; the bot's replies go to the shop's callback.
 * Mount it before `express.json()`: the signature is over the bytes as sent.
 */
export function webhookApi(channel: WebhookChannel, options: WebhookApiOptions): Router {
  const router = Router();
  router.post('/api/webhook/messages', express.raw({ type: () => true, limit: '100kb' }), (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verifySignature(
      { timestamp: req.get(TIMESTAMP_HEADER), signature: req.get(SIGNATURE_HEADER), body },
      options.secret,
      options.clock.now(),
      options.toleranceSeconds,
    );
    if (check !== 'ok') throw new HttpError(401, refusal(check));
    const receipt = channel.receive(parseJson(body));
    switch (receipt.kind) {
      case 'accepted':
        res.status(202).json({ id: receipt.id });
        return;
      case 'duplicate':
        throw new HttpError(409, 'message id already received');
      case 'invalid':
        throw new HttpError(400, receipt.error);
      default:
        receipt satisfies never;
    }
  });
  return router;
}
