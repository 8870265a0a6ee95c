import type { DeliveryMethod, PaymentFailure, PaymentMethod } from '../../store';
import type { RateFacts, ReturnFacts, ReturnRefusal, SearchCriteria, ShopTexts } from './shop-types';
import { formatMoney, regionName } from './formats';

const METHOD_NAMES: Record<DeliveryMethod, string> = { standard: '标准配送', tracked: '可追踪配送', express: '次日达' };
const PAYMENT_NAMES: Record<PaymentMethod, string> = {
  card: '借记卡和信用卡（Visa、Mastercard、Amex）',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  google_pay: 'Google Pay',
  bank_transfer: '银行转账',
  alipay: '支付宝',
  wechat_pay: '微信支付',
};
const FAILURE_ADVICE: Record<PaymentFailure, string> = {
  declined: '银行拒绝了这笔付款。您可以向银行询问原因，也可以换一张卡或使用 PayPal 付款。',
  insufficient_funds: '银行提示余额不足。您可以稍后再试，或换一种付款方式。',
  expired_card: '这张卡已过期，请使用有效的卡付款。',
  authentication_failed: '银行的安全验证（3-D Secure）没有完成，请重试并在银行应用中确认。',
  processing_error: '支付服务出现技术故障，没有扣款，请过几分钟再试。',
};
const RETURN_STATES: Record<ReturnFacts['status'], string> = {
  requested: '我们正在等待退回的包裹，收到后即退款',
  received: '我们已收到包裹，正在办理退款',
  refunded: '已退款',
  rejected: '退货未被接受，人工客服可以为您说明原因',
};
const REFUSALS: Record<ReturnRefusal, (orderId: string, detail: string) => string> = {
  not_dispatched: (id) => `订单 ${id} 还没有发货，无需退货：您可以直接取消订单。`,
  in_transit: (id) => `订单 ${id} 还在运输途中。收到后，您可以在退货期限内申请退货。`,
  window_passed: (id, detail) => `抱歉，订单 ${id} 的退货期限已于${detail}结束，无法再退货。`,
  closed: (id, detail) => `订单 ${id} 的状态是“${detail}”，没有可以退的商品。`,
  already_open: (id, detail) => `订单 ${id} 已经有一个退货申请：${detail}。想了解进度，可以问我退款到哪了。`,
};
const COLOURS: Record<string, string> = {
  red: '红色', pink: '粉色', blue: '蓝色', white: '白色', black: '黑色', green: '绿色', silver: '银色', gold: '金色',
  cream: '米色', ivory: '象牙色', purple: '紫色', yellow: '黄色', orange: '橙色', grey: '灰色', brown: '棕色',
};
const CATEGORIES: Record<string, string> = {
  Christmas: '圣诞用品', 'Party & Celebrations': '派对用品', 'Candles & Lights': '蜡烛灯饰', 'Jewellery & Accessories': '饰品配件',
  'Toys & Games': '玩具游戏', 'Bags & Purses': '包袋', 'Kitchen & Dining': '厨房餐具', 'Bath & Beauty': '浴室美妆',
  'Stationery & Cards': '文具卡片', 'Garden & Outdoor': '花园户外', 'Soft Furnishings': '布艺家纺', Storage: '收纳用品',
  'Home Decor': '家居装饰', 'Gifts & Novelties': '礼品',
};

/** Chinese names of zones the shop names in English. */
const ZONE_NAMES: Record<string, string> = { Europe: '欧洲', 'United Kingdom': '英国', 'Rest of the world': '其他国家和地区' };

function days(min: number, max: number): string {
  return min === max ? `${min}个工作日` : `${min}–${max}个工作日`;
}

function rateLine(r: RateFacts): string {
  return `${METHOD_NAMES[r.method]} ${r.price}（${days(r.minDays, r.maxDays)}${r.freeOver ? `，满${r.freeOver}包邮` : ''}）`;
}

function criteriaText(c: SearchCriteria): string {
  const what = c.words ?? (c.category ? (CATEGORIES[c.category] ?? c.category) : '商品');
  return `${c.maxPrice ? `${c.maxPrice}以下的` : ''}${c.colour ? (COLOURS[c.colour] ?? c.colour) : ''}${what}`;
}

/** Chinese (Simplified) replies of the shop skills. */
export const SHOP_ZH: ShopTexts = {
  offerHuman: '抱歉，我好像没能理解。人工客服可以帮您：点击下方按钮，我为您转接。',
  talkToHuman: '转人工客服',
  identityLocked: '为了您的账户安全，本次对话中不能再查询订单号了。人工客服可以帮您处理订单问题。',
  yesNo: ['是的', '不用了'],
  reaskYesNo: '抱歉，请回答“是”或“不是”。',
  phrases: { cancelOrder: '取消我的订单', changeAddress: '修改收货地址', startReturn: '我要退货' },
  // Whole amounts without pence: "free over £40", not "£40.00".
  formatMoney: (minor, currency) => formatMoney('zh-CN', minor, currency),
  countryName: (code) => regionName('zh', code),
  zoneName: (zone) => {
    if (zone.countries.length === 1 && zone.countries[0]) return SHOP_ZH.countryName(zone.countries[0]);
    if (zone.isDefault) return '其他国家和地区';
    return ZONE_NAMES[zone.name] ?? zone.name;
  },

  confirmCancel: (id, total) => `订单 ${id}（${total}）还没有发货，可以取消。确定要取消吗？`,
  cancelDone: (id, refundDays) => `已取消订单 ${id}。已付款项将在${refundDays}个工作日内原路退回。`,
  cancelKept: (id) => `好的，订单 ${id} 保持不变。`,
  notBeforeDispatch: (id, status, what) =>
    what === 'cancel'
      ? `订单 ${id} 的状态是“${status}”，已经不能取消了。收到商品后，您可以申请退货退款。`
      : `订单 ${id} 的状态是“${status}”，已经不能修改收货地址了。您可以在承运商的追踪页面尝试改派。`,
  orderClosed: (id, status) => `订单 ${id} 的状态是“${status}”，没有可以修改的内容。`,

  askAddress: (id, current) => `${current ? `订单 ${id} 目前寄往：${current}。` : ''}请告诉我新的收货地址，写在一行里，包括门牌号和邮编。`,
  reaskAddress: '这看起来不是完整的地址。请提供街道和门牌号、城市以及邮编，例如“12 High Street, York YO1 7HH”。',
  confirmAddress: (id, address) => `把订单 ${id} 寄到：${address}，对吗？`,
  addressDone: (id, address) => `已修改：订单 ${id} 将寄往 ${address}。`,
  addressKept: (id) => `好的，订单 ${id} 的地址没有修改。`,

  notReturnable: (id, why, detail) => REFUSALS[why](id, detail),
  askReturnReason: (id) => `可以为订单 ${id} 办理退货。请问退货的原因是什么？`,
  returnReasons: ['商品到货时已损坏', '发错了商品', '尺寸不合适', '不想要了'],
  reaskReturnReason: '请简单说明退货原因，或选择下面的一个原因。',
  returnCreated: (r) =>
    `退货已登记，退货授权号（RMA）是 ${r.rma}：请把它写在包裹上寄回${r.freeReturns ? '（免费退货标签已发到您的邮箱）' : ''}。` +
    `我们收到包裹后，会在${r.refundDays}个工作日内将 ${r.refund} 原路退回。`,

  refundStatus: (id, returns) =>
    returns
      .map((r) => `订单 ${id} 的退货 ${r.rma}（${r.requestedOn}申请，${r.refund}）：${r.status === 'refunded' && r.refundedOn ? `已于${r.refundedOn}退款` : RETURN_STATES[r.status]}。`)
      .join(''),
  noReturns: (id) => `订单 ${id} 目前没有退货或退款记录。需要为您办理退货吗？`,
  orderRefunded: (id) => `订单 ${id} 已全额原路退款。银行入账可能需要3–5个工作日。`,
  refundPolicy: (p) =>
    `收货后${p.returnWindowDays}天内可以退货。在对话中申请退货，您会得到一个写在包裹上的退货授权号（RMA）。` +
    `${p.freeReturns ? '退货运费由我们承担。' : '退货运费由您承担，商品损坏或发错的除外。'}` +
    `我们收到包裹后${p.refundProcessingDays}个工作日内原路退款。`,

  deliveryTo: (country, rates) => `寄往${country}：${rates.map(rateLine).join('；')}。`,
  deliveryZones: (zones) =>
    `我们的配送范围：${zones.map((z) => `${z.name}：${z.rates.map(rateLine).join('；')}`).join('。')}。告诉我您的国家，我可以说明具体的配送方式。`,
  noDeliveryZones: '我暂时还没有本店的配送信息。人工客服可以告诉您运费和配送时间。',
  noDelivery: (country) => `抱歉，我们目前不配送到${country}。`,

  paymentMethods: (methods) => `我们支持：${methods.map((m) => PAYMENT_NAMES[m]).join('、')}。下单时付款。`,
  paymentIssueIntro: '很抱歉付款没有成功。付款失败不会扣款（预授权可能会显示几天，然后自动消失）。我来查一下订单。',
  paymentFailed: (id, amount, reason) => `订单 ${id} 最近一笔 ${amount} 的付款失败了：${FAILURE_ADVICE[reason]}`,
  paymentOk: (id, amount) => `好消息：订单 ${id} 的 ${amount} 已付款成功，无需再付款。`,
  paymentRefunded: (id, amount) => `订单 ${id} 的 ${amount} 已原路退款。`,
  noPayments: (id) => `订单 ${id} 暂时没有付款记录。如果已经扣款，可能需要几分钟才会显示；人工客服可以为您核实。`,

  invoiceResent: (id, email) => `已将订单 ${id} 的发票重新发送到 ${email}。如果几分钟后还没收到，请查看垃圾邮件。`,
  changeOrderOptions: (id) => `订单 ${id} 还没有发货。我可以在这里修改收货地址或取消订单；如需更换商品，请取消后重新下单，或联系人工客服。`,
  changeOrderTooLate: (id, status) => `订单 ${id} 的状态是“${status}”，已经不能修改了。收到后，不需要的商品可以退货。`,
  accountHelp:
    '重置密码：在登录页点击“忘记密码？”，按邮件中的链接操作（1小时内有效）。和我聊天不需要账户：提供订单号和邮箱我就能查到订单。其他账户问题，人工客服可以帮您。',
  couponRules: (n) =>
    `优惠码在结账时填写，${n === 1 ? '每个订单限用一个' : `每个订单最多${n}个`}；下单后不能补用，过期的优惠码不能续期。` +
    '我无法在对话中查询或补发优惠码；商店在这里为您提供优惠码时，会以卡片显示，并注明有效期。',

  productFacts: (p) => `${p.name} 售价 ${p.price}，${p.stock > 0 ? `有货（剩余${p.stock}件）` : '目前缺货'}。${p.description}`,
  productNotInColour: (name, colour) => `${name} 没有${COLOURS[colour] ?? colour}的。以下是${COLOURS[colour] ?? colour}的商品：`,
  productNotInColourNone: (name, colour) => `${name} 没有${COLOURS[colour] ?? colour}的，也没有类似的${COLOURS[colour] ?? colour}商品。`,
  productsFound: (c, count, more) => (more ? `${criteriaText(c)}超过${count}件，以下是最畅销的：` : `为您找到${count}件${criteriaText(c)}：`),
  noProducts: (c) => `店里没有找到${criteriaText(c)}。换个说法试试，或在商店页面浏览分类。`,
  askWhatProduct: '您想找什么？告诉我商品、颜色或预算，例如“5英镑以下的红色午餐袋”。',
  colourName: (colour) => COLOURS[colour] ?? colour,
};
