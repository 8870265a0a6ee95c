import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { Logger } from './logger';

/** An error meant for the client: its status and message are sent as they are. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A route's body: returns the JSON to send (or sends itself and returns undefined). */
export type JsonHandler = (req: Request, res: Response) => unknown;

/**
 * Adapts a sync or async handler to express: what it returns is sent as JSON, what it throws
 * goes to the error middleware (through `mapError` first, e.g. to turn domain refusals into
 * HTTP statuses).
 */
export function jsonRoute(fn: JsonHandler, mapError: (err: unknown) => unknown = (err) => err): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .then((body) => {
        if (body !== undefined && !res.headersSent) res.json(body);
      })
      .catch((err: unknown) => next(mapError(err)));
  };
}

/** 404 for routes that do not exist. */
export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, `no route for ${req.method} ${req.path}`));

/**
 * Maps errors to JSON responses: typed errors keep their status and message, invalid input
 * becomes a 400 naming the field, anything else is logged and becomes a generic 500 (no stack
 * to the client).
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.message });
      return;
    }
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      res.status(400).json({ error: `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // body-parser's errors (malformed JSON, too large) carry a 4xx status.
      res.status(status).json({ error: (err as Error).message });
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  };
}
