import { CardFactory, type Activity, type Attachment } from 'botbuilder';
import { COUPON_CONTENT_TYPE, PRODUCT_CARDS_CONTENT_TYPE } from '../shared/attachments';
import type { CouponOffer, ProductCard } from '../socket/events';

function productCard(card: ProductCard): Attachment {
  const price = `${card.price.toFixed(2)} ${card.currency}`;
  return CardFactory.heroCard(
    card.name,
    card.imageUrl ? [card.imageUrl] : [],
    CardFactory.actions([{ type: 'openUrl', title: 'View', value: card.url }]),
    { subtitle: price, text: card.reason ?? '' },
  );
}

function couponCard(coupon: CouponOffer): Attachment {
  return CardFactory.heroCard(`${coupon.percentOff}% off: ${coupon.code}`, [], [], { subtitle: `until ${coupon.expiresAt.slice(0, 10)}` });
}

/**
 * Turns the shop's own attachments (product cards, a coupon) into hero cards, which every Bot
 * Framework client renders (Teams, Web Chat, Slack, Facebook), as a carousel when there are
 * several. The transcript keeps the shop's own form: this runs after the reply was stored.
 */
export function toBotFrameworkCards(activity: Partial<Activity>): void {
  if (!activity.attachments?.length) return;
  const converted: Attachment[] = [];
  for (const attachment of activity.attachments) {
    if (attachment.contentType === PRODUCT_CARDS_CONTENT_TYPE) converted.push(...(attachment.content as ProductCard[]).map(productCard));
    else if (attachment.contentType === COUPON_CONTENT_TYPE) converted.push(couponCard(attachment.content as CouponOffer));
    else converted.push(attachment);
  }
  activity.attachments = converted;
  if (converted.length > 1) activity.attachmentLayout = 'carousel';
}
