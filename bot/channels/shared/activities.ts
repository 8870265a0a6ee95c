import { ActivityTypes, type Activity } from 'botbuilder';
import type { Conversation, StoredMessage } from '../../../store';

/** Channel id of the storefront widget in Activities. */
export const WIDGET_CHANNEL_ID = 'widget';
/** The bot's account in Activities. */
export const BOT_ACCOUNT = { id: 'shopkeep', name: 'Shopkeep', role: 'bot' } as const;

/** The Activity for a stored shopper message. */
export function shopperActivity(conversation: Conversation, message: StoredMessage): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: message.id,
    text: message.text,
    locale: conversation.locale,
    timestamp: new Date(message.createdAt),
    channelId: conversation.channel === 'widget' ? WIDGET_CHANNEL_ID : conversation.channel,
    serviceUrl: '',
    from: { id: conversation.sessionId, name: 'shopper', role: 'user' },
    recipient: { ...BOT_ACCOUNT },
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
  };
}
