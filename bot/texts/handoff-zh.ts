import type { HandoffTexts } from './handoff-types';

const minutes = (n: number): string => (n <= 1 ? '大约1分钟' : `大约${n}分钟`);

/** Chinese (Simplified) handoff texts. */
export const HANDOFF_ZH: HandoffTexts = {
  openAsked: '好的，我这就为您转接人工客服。',
  openComplaint: '非常抱歉给您带来不好的体验，我这就把问题转给人工客服为您处理。',
  openFrustration: '抱歉没能帮到您，我这就为您转接人工客服。',
  wait: (n) => `预计等待${minutes(n)}。您可以继续在这里留言，客服会看到全部内容。`,
  stillWaiting: (n) => `您正在排队，客服将在${minutes(n)}内接待您。输入“取消”可返回机器人助手。`,
  nobodyOnline: '目前没有在线的人工客服。您想留言吗？请输入您的邮箱地址，我们会通过邮件回复您。',
  expired: '抱歉，暂时没有客服能及时接待您。您想留言吗？请输入您的邮箱地址，我们会通过邮件回复您。',
  cancelled: '好的，已取消转人工。还有什么可以帮您？',
  agentJoined: (name) => `客服 ${name} 已加入对话。`,
  transferred: '我将为您转接给更合适的同事，请稍候。',
  requeued: '您的客服连接中断了，我正在为您安排其他客服。',
  resolved: '您已回到店铺助手。感谢您的耐心！',
  closedIdle: '由于长时间没有消息，本次人工客服对话已结束。如需其他帮助，随时告诉我。',
  askCsat: '请为本次服务打分：1（很差）到 5（很好）。',
  csatChoices: ['1', '2', '3', '4', '5'],
  csatThanks: '感谢您的评分！还有什么可以帮您的吗？',
  followUpAskMessage: '谢谢。请问您想告诉我们什么？请一次写完您的留言。',
  followUpBadEmail: '这看起来不是邮箱地址。请输入我们回复用的邮箱，或输入“取消”。',
  followUpStored: (email) => `收到。客服上线后会尽快回复到 ${email}。`,
  followUpDropped: '好的，不留言了。还有什么可以帮您？',
};
