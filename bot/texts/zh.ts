import type { OrderFacts, ReplyTexts } from './types';
import { SHOP_ZH } from './shop-zh';
import { HANDOFF_ZH } from './handoff-zh';
import { OFFER_ZH } from './offer-zh';
import { formatDay } from './formats';

const STATUS_NAMES: Record<string, string> = {
  pending: '等待付款',
  paid: '已付款，等待打包',
  processing: '正在打包',
  shipped: '运输中',
  delivered: '已送达',
  cancelled: '已取消',
  refunded: '已退款',
};

function orderStatus(o: OrderFacts): string {
  const lines = [`订单 ${o.id} 的状态：${STATUS_NAMES[o.status] ?? o.status}。`];
  if (o.status === 'delivered' && o.deliveredAt) lines.push(`已于${o.deliveredAt}送达。`);
  if (o.carrier && o.status === 'shipped') {
    lines.push(`承运商：${o.carrier}${o.trackingNumber ? `，运单号 ${o.trackingNumber}` : ''}。`);
  }
  if (o.eta && o.status !== 'delivered' && o.status !== 'cancelled' && o.status !== 'refunded') {
    lines.push(`预计送达：${o.eta}。`);
  }
  return lines.join('');
}

/** Chinese (Simplified) replies. */
export const ZH: ReplyTexts = {
  shop: SHOP_ZH,
  handoff: HANDOFF_ZH,
  offers: OFFER_ZH,
  greeting: '您好！我是店铺助手，可以帮您查询订单、办理退货退款，还能为您挑选商品。',
  greetingBack: '您好，请问有什么可以帮您？',
  goodbye: '感谢光临，再见！',
  thanks: '不客气！还有什么可以帮您的吗？',
  capabilities: '我可以帮您查询订单、介绍配送和退货政策、处理付款问题、查找商品。请问您需要什么帮助？',
  notUnderstood: '抱歉，我没有理解您的意思。',
  suggestions: ['我的订单到哪了？', '配送方式', '退货', '给我推荐商品'],
  askOrderNumber: '好的，我来帮您查询订单。请问订单号是多少？（可以在确认邮件中找到）',
  reaskOrderNumber: '这看起来不是订单号。订单号是确认邮件里的6位数字，例如 536365。',
  askEmail: '谢谢。请提供下单时使用的邮箱地址。',
  reaskEmail: '这看起来不是邮箱地址。请输入下单时使用的邮箱，例如 name@example.com。',
  orderNotFound: '没有找到与该订单号和邮箱匹配的订单。我们再试一次：请问订单号是多少？',
  tooManyAttempts: '抱歉，没有找到与这些信息匹配的订单。请核对确认邮件中的订单号和邮箱后再问我。',
  cancelled: '好的，已为您取消。还有什么可以帮您？',
  orderStatus,
  statusName: (status) => STATUS_NAMES[status] ?? status,
  formatDate: (iso) => formatDay('zh-CN', iso),
};
