import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type ConversationReference,
  type Request,
  type Response,
} from 'botbuilder';
import type { Conversation, Store, StoredMessage } from '../../../store';
import { activityOfMessage } from '../shared/attachments';
import { toBotFrameworkCards } from './cards';
import { linkChannelUser } from '../shared/channel-users';
import type { TurnErrorReporter, TurnPipeline } from '../shared/turn-pipeline';

/** The Azure Bot registration the channel authenticates with; an empty `appId` turns auth off. */
export interface BotFrameworkCredentials {
  /** @default '' (no auth: local use and the Bot Framework Emulator) */
  appId: string;
  /** @default '' */
  appPassword: string;
  /** Needed for single-tenant bots. @default '' */
  appTenantId: string;
  /** @default 'MultiTenant' */
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/** The shop's locale for a channel locale such as `zh-CN` or `en-US`. */
export function shopLocale(locale: string | undefined): 'en' | 'zh' {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The key of the user in the channel conversation: the same member of the same chat is one session. */
function externalKeyOf(reference: Partial<ConversationReference>, fromId: string): string {
  return JSON.stringify([reference.channelId ?? '', reference.conversation?.id ?? '', fromId]);
}

/**
 * The Bot Framework channel (`POST /api/messages`): botbuilder's CloudAdapter authenticates the
 * Activity, then the shared pipeline stores the shopper's message (idempotent on the Activity
 * id), runs the same bot as the widget, and stores every reply, which the adapter sends back to
 * the channel (or returns in the HTTP body for `deliveryMode: "expectReplies"`).
 */
export class BotFrameworkChannel {
  readonly adapter: CloudAdapter;

  constructor(
    private readonly store: Store,
    private readonly pipeline: TurnPipeline,
    private readonly credentials: BotFrameworkCredentials,
    private readonly onTurnError: TurnErrorReporter,
  ) {
    this.adapter = new CloudAdapter(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.appPassword,
        MicrosoftAppTenantId: credentials.appTenantId,
        MicrosoftAppType: credentials.appType,
      }),
    );
    this.adapter.onTurnError = async (context, err) => onTurnError(err, context.activity.conversation?.id ?? '');
  }

  /** Whether inbound Activities must carry a valid Bot Framework token. */
  get authenticated(): boolean {
    return this.credentials.appId !== '';
  }

  /** Handles one inbound HTTP request (already parsed and validated as an Activity). */
  process(req: Request, res: Response): Promise<void> {
    return this.adapter.process(req, res, (context) => this.onActivity(context));
  }

  private async onActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Conversation updates, typing and the like change nothing the shop keeps.
    if (activity.type !== ActivityTypes.Message || !activity.text?.trim()) return;
    const reference = TurnContext.getConversationReference(activity);
    const conversation = linkChannelUser(this.store, {
      channel: 'botframework',
      externalKey: externalKeyOf(reference, activity.from.id),
      locale: shopLocale(activity.locale),
      reference: { ...reference },
    });
    const { message, created } = this.pipeline.storeShopperMessage(conversation.id, activity.text.trim(), activity.id || undefined);
    // A channel's redelivery of the same Activity is stored once and answered once: it runs a
    // turn only if the first delivery's turn was never committed (no turn-done mark), e.g. the
    // server stopped between storing it and answering.
    if (!created && this.store.conversations.turnDone(message.id)) return;
    await this.pipeline.queue(conversation.id, async () => {
      if (!created && this.store.conversations.turnDone(message.id)) return;
      await this.pipeline.turnLogic(conversation, message, toBotFrameworkCards)(context);
    });
  }

  /**
   * Sends a stored message (an agent's reply) to the shopper's Bot Framework conversation with
   * the reference kept from their last message. Resolves when the channel accepted it.
   */
  async send(conversation: Conversation, message: StoredMessage): Promise<void> {
    const link = this.store.channels.findBySession(conversation.sessionId);
    if (link?.channel !== 'botframework') throw new Error(`conversation ${conversation.id} has no Bot Framework reference`);
    const reference = link.reference as Partial<ConversationReference>;
    await this.adapter.continueConversationAsync(this.credentials.appId, reference, async (context) => {
      const activity = activityOfMessage(message);
      toBotFrameworkCards(activity);
      await context.sendActivity(activity);
    });
  }
}
