import type { DeliveryMethod, PaymentFailure, PaymentMethod } from '../../store';
import type { RateFacts, ReturnFacts, ReturnRefusal, SearchCriteria, ShopTexts } from './shop-types';
import { formatMoney, regionName } from './formats';

const METHOD_NAMES: Record<DeliveryMethod, string> = { standard: 'Standard', tracked: 'Tracked', express: 'Express (next day)' };
const PAYMENT_NAMES: Record<PaymentMethod, string> = {
  card: 'debit and credit cards (Visa, Mastercard, Amex)',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  google_pay: 'Google Pay',
  bank_transfer: 'bank transfer',
  alipay: 'Alipay',
  wechat_pay: 'WeChat Pay',
};
const FAILURE_ADVICE: Record<PaymentFailure, string> = {
  declined: 'your bank declined it. Your bank can tell you why; you can also pay with another card or PayPal.',
  insufficient_funds: 'the bank reported insufficient funds. You can try again later or use another payment method.',
  expired_card: 'the card had expired. Please pay with a card that is still valid.',
  authentication_failed: "the bank's security check (3-D Secure) was not completed. Please try again and approve it in your banking app.",
  processing_error: 'the payment provider had a technical error. Nothing was charged; please try again in a few minutes.',
};
const RETURN_STATES: Record<ReturnFacts['status'], string> = {
  requested: "we're waiting for the parcel to come back; the refund follows once it arrives",
  received: "we've received the parcel and the refund is being processed",
  refunded: 'refunded',
  rejected: 'the return was not accepted; a person can explain why',
};
const REFUSALS: Record<ReturnRefusal, (orderId: string, detail: string) => string> = {
  not_dispatched: (id) => `Order ${id} hasn't been dispatched yet, so there's nothing to return: you can cancel it instead.`,
  in_transit: (id) => `Order ${id} is still on its way. Once it arrives you can return it within the return window.`,
  window_passed: (id, detail) => `I'm sorry, the return window for order ${id} closed on ${detail}, so it can't be returned any more.`,
  closed: (id, detail) => `Order ${id} is already ${detail}, so there's nothing left to return.`,
  already_open: (id, detail) => `There's already a return open for order ${id}: ${detail}. I can tell you where it is if you ask about your refund.`,
};

function days(min: number, max: number): string {
  return min === max ? `${min} working day${min === 1 ? '' : 's'}` : `${min}–${max} working days`;
}

function rateLine(r: RateFacts): string {
  return `${METHOD_NAMES[r.method]} ${r.price} (${days(r.minDays, r.maxDays)}${r.freeOver ? `, free over ${r.freeOver}` : ''})`;
}

function criteriaText(c: SearchCriteria): string {
  const parts = [c.colour, c.words ?? c.category?.toLowerCase() ?? 'products'].filter(Boolean).join(' ');
  return `${parts}${c.maxPrice ? ` under ${c.maxPrice}` : ''}`;
}

/** English replies of the shop skills. */
export const SHOP_EN: ShopTexts = {
  offerHuman: "I'm sorry, I'm not getting this right. A person can help: tap below and I'll pass you on.",
  talkToHuman: "I'd like to talk to a person",
  identityLocked: "For your security I can't check any more order numbers in this chat. A person can help you with your order.",
  yesNo: ['Yes', 'No'],
  reaskYesNo: 'Sorry, is that a yes or a no?',
  phrases: { cancelOrder: 'Cancel my order', changeAddress: 'Change the delivery address', startReturn: 'Return an item' },
  // Whole amounts without pence: "free over £40", not "£40.00".
  formatMoney: (minor, currency) => formatMoney('en-GB', minor, currency),
  countryName: (code) => regionName('en', code),
  zoneName: (zone) => (zone.countries.length === 1 && zone.countries[0] ? SHOP_EN.countryName(zone.countries[0]) : zone.name),

  confirmCancel: (id, total) => `Order ${id} (${total}) hasn't been dispatched yet, so I can cancel it. Shall I cancel it?`,
  cancelDone: (id, refundDays) =>
    `Done: order ${id} is cancelled. Anything you paid goes back to your original payment method within ${refundDays} working days.`,
  cancelKept: (id) => `OK, order ${id} stays as it is.`,
  notBeforeDispatch: (id, status, what) =>
    what === 'cancel'
      ? `Order ${id} is already ${status}, so it can't be cancelled any more. Once it arrives, you can return it for a refund.`
      : `Order ${id} is already ${status}, so its delivery address can't be changed any more. The carrier's tracking page may let you redirect it.`,
  orderClosed: (id, status) => `Order ${id} is already ${status}: there's nothing left to change.`,

  askAddress: (id, current) =>
    `${current ? `Order ${id} is going to: ${current}. ` : ''}What's the new delivery address? Please write it on one line with the house number and postcode.`,
  reaskAddress: 'That doesn\'t look like a full address. Please give the street with its number, the town and the postcode, e.g. "12 High Street, York YO1 7HH".',
  confirmAddress: (id, address) => `Send order ${id} to: ${address}?`,
  addressDone: (id, address) => `Done: order ${id} will be delivered to ${address}.`,
  addressKept: (id) => `OK, I haven't changed the address of order ${id}.`,

  notReturnable: (id, why, detail) => REFUSALS[why](id, detail),
  askReturnReason: (id) => `I can start a return for order ${id}. What's the reason for the return?`,
  returnReasons: ['It arrived damaged', 'Wrong item', "It doesn't fit", 'I changed my mind'],
  reaskReturnReason: 'Please tell me in a few words why you are returning it, or pick one of the reasons.',
  returnCreated: (r) =>
    `Your return is registered. Your RMA number is ${r.rma}: write it on the parcel and send it back${r.freeReturns ? ' with the free return label in your email' : ''}. ` +
    `Once it arrives we refund ${r.refund} to your original payment method within ${r.refundDays} working days.`,

  refundStatus: (id, returns) =>
    returns
      .map((r) => `Return ${r.rma} on order ${id} (started ${r.requestedOn}, ${r.refund}): ${r.status === 'refunded' && r.refundedOn ? `refunded on ${r.refundedOn}` : RETURN_STATES[r.status]}.`)
      .join(' '),
  noReturns: (id) => `There's no return or refund on order ${id} yet. Would you like to start a return?`,
  orderRefunded: (id) => `Order ${id} has been refunded in full, to your original payment method. Banks can take 3–5 working days to show it.`,
  refundPolicy: (p) =>
    `You can return items within ${p.returnWindowDays} days of delivery. Start the return here in the chat and you'll get an RMA number for the parcel. ` +
    `${p.freeReturns ? 'Return postage is free.' : 'Return postage is paid by you, unless the item arrived damaged or wrong.'} ` +
    `Refunds go to the original payment method within ${p.refundProcessingDays} working days of the parcel arriving.`,

  deliveryTo: (country, rates) => `Delivery to ${country}: ${rates.map(rateLine).join('; ')}.`,
  deliveryZones: (zones) =>
    `We deliver to: ${zones.map((z) => `${z.name}: ${z.rates.map(rateLine).join('; ')}`).join('. ')}. Tell me your country for its exact options.`,
  noDeliveryZones: "I don't have this shop's delivery options yet. A person can tell you what delivery costs and how long it takes.",
  noDelivery: (country) => `I'm sorry, we don't deliver to ${country} at the moment.`,

  paymentMethods: (methods) => `We accept ${methods.map((m) => PAYMENT_NAMES[m]).join(', ')}. You pay when you place the order.`,
  paymentIssueIntro:
    "I'm sorry your payment didn't go through. A failed payment takes no money (a pending hold can show for a few days, then disappears). Let me look at the order.",
  paymentFailed: (id, amount, reason) => `The last payment of ${amount} on order ${id} failed: ${FAILURE_ADVICE[reason]}`,
  paymentOk: (id, amount) => `Good news: the payment of ${amount} on order ${id} went through, so there's nothing more to pay.`,
  paymentRefunded: (id, amount) => `The payment of ${amount} on order ${id} has been refunded to your original payment method.`,
  noPayments: (id) => `I can't see a payment on order ${id} yet. If you were charged, it can take a few minutes to appear; a person can check it for you.`,

  invoiceResent: (id, email) => `Done: I've sent the invoice for order ${id} again to ${email}. Please check your spam folder if it hasn't arrived in a few minutes.`,
  changeOrderOptions: (id) =>
    `Order ${id} hasn't been dispatched yet. I can change its delivery address or cancel it here; to change the items, cancel it and order again, or a person can help.`,
  changeOrderTooLate: (id, status) => `Order ${id} is already ${status}, so it can't be changed any more. Once it arrives you can return what you don't want.`,
  accountHelp:
    'To reset your password, use "Forgot password?" on the sign-in page and follow the link we email you (it works for 1 hour). ' +
    'You don\'t need an account to chat with me: I can find any order from its number and email. For anything else about your account, a person can help.',
  couponRules: (n) =>
    `Discount codes are entered at checkout, ${n === 1 ? 'one code per order' : `up to ${n} codes per order`}; they can't be added to an order after it is placed, ` +
    "and an expired code can't be renewed. I can't look up or re-issue codes in this chat; when the shop offers you a code here, it shows as a card with its expiry date.",

  productFacts: (p) =>
    `${p.name} costs ${p.price} and is ${p.stock > 0 ? `in stock (${p.stock} left)` : 'out of stock at the moment'}. ${p.description}`,
  productNotInColour: (name, colour) => `${name} doesn't come in ${colour}. Here's what I have in ${colour}:`,
  productNotInColourNone: (name, colour) => `${name} doesn't come in ${colour}, and I have nothing like it in ${colour}.`,
  productsFound: (c, count, more) =>
    more
      ? `Over ${count} matches for ${criteriaText(c)}. Here are the best sellers:`
      : `Here ${count === 1 ? 'is' : 'are'} ${count} ${count === 1 ? 'match' : 'matches'} for ${criteriaText(c)}:`,
  noProducts: (c) => `I couldn't find ${criteriaText(c)} in the shop. Try other words, or browse the categories on the shop page.`,
  askWhatProduct: 'What are you looking for? Tell me a product, a colour or a budget, e.g. "a red lunch bag under £5".',
  colourName: (colour) => colour,
};
