import type { Locale } from './settings';

/** Every piece of UI text the widget shows, per locale. */
export interface UiStrings {
  defaultTitle: string;
  openChat: string;
  closeChat: string;
  conversation: string;
  messageLabel: string;
  placeholder: string;
  send: string;
  pending: string;
  failed: string;
  retry: string;
  typingBot: string;
  typingAgent: string;
  connecting: string;
  offline: string;
  suggestedReplies: string;
  suggestedProducts: string;
  viewProduct: string;
  couponTitle: string;
  couponOff: (percent: number) => string;
  couponExpires: (date: string) => string;
  copy: string;
  copied: string;
  you: string;
  bot: string;
  agent: string;
  system: string;
  unread: (count: number) => string;
}

const EN: UiStrings = {
  defaultTitle: 'Shop assistant',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  conversation: 'Conversation',
  messageLabel: 'Your message',
  placeholder: 'Type a message…',
  send: 'Send',
  pending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  typingBot: 'The assistant is typing…',
  typingAgent: 'An agent is typing…',
  connecting: 'Connecting…',
  offline: 'Offline — messages will be sent when the connection is back',
  suggestedReplies: 'Suggested replies',
  suggestedProducts: 'Suggested products',
  viewProduct: 'View',
  couponTitle: 'A coupon for you',
  couponOff: (percent) => `${percent}% off`,
  couponExpires: (date) => `Valid until ${date}`,
  copy: 'Copy code',
  copied: 'Copied',
  you: 'You',
  bot: 'Assistant',
  agent: 'Agent',
  system: 'Notice',
  unread: (count) => `${count} unread`,
};

const ZH: UiStrings = {
  defaultTitle: '购物助手',
  openChat: '打开聊天',
  closeChat: '关闭聊天',
  conversation: '对话',
  messageLabel: '您的消息',
  placeholder: '输入消息…',
  send: '发送',
  pending: '发送中…',
  failed: '发送失败',
  retry: '重试',
  typingBot: '助手正在输入…',
  typingAgent: '客服正在输入…',
  connecting: '正在连接…',
  offline: '已离线——恢复连接后将自动发送消息',
  suggestedReplies: '建议回复',
  suggestedProducts: '推荐商品',
  viewProduct: '查看',
  couponTitle: '送您一张优惠券',
  couponOff: (percent) => `${percent}% 折扣`,
  couponExpires: (date) => `有效期至 ${date}`,
  copy: '复制优惠码',
  copied: '已复制',
  you: '您',
  bot: '助手',
  agent: '客服',
  system: '通知',
  unread: (count) => `${count} 条未读`,
};

/** The UI strings of a locale. */
export function uiStrings(locale: Locale): UiStrings {
  switch (locale) {
    case 'en':
      return EN;
    case 'zh':
      return ZH;
    default:
      return locale satisfies never;
  }
}
