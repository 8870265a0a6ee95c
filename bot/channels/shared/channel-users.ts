import type { Conversation, ExternalChannel, Store } from '../../../store';

/** A user of an outside channel as the shop sees them. */
export interface ChannelUser {
  channel: ExternalChannel;
  /** The channel's key for the user in one of its conversations (channel conversation id + user id). */
  externalKey: string;
  locale: string;
  /** What the channel needs to write to the user later; the latest one is kept. */
  reference: Record<string, unknown>;
}

/**
 * The shop session and open conversation of an outside user: one session per user of a channel
 * conversation (made on first contact), and that session's open conversation on the channel
 * (a new one after the last was closed), exactly as the widget's sessions work.
 */
export function linkChannelUser(store: Store, user: ChannelUser): Conversation {
  return store.transaction(() => {
    const newSession = (): string => store.sessions.create(user.locale).id;
    let link = store.channels.link(user.channel, user.externalKey, user.reference, newSession);
    // The session may have been erased (retention, a deletion request) while the link stayed.
    if (store.sessions.findById(link.sessionId)) store.sessions.touch(link.sessionId);
    else link = store.channels.replaceSession(user.channel, user.externalKey, newSession());
    return store.conversations.openForSession(link.sessionId, user.channel, user.locale);
  });
}
