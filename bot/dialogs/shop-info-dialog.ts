import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ShippingRate } from '../../store';
import type { ShopTexts } from '../texts';
import type { RateFacts } from '../texts/shop-types';
import type { BotServices } from '../skill';
import { textsOf } from '../turn';

/** Id of the shop information dialog. */
export const SHOP_INFO_DIALOG = 'shopInfo';
const WATERFALL = 'shopInfoSteps';

/** Questions answered from the shop's policies and shipping zones, in one turn. */
export const INFO_TOPICS = ['refund_policy', 'delivery', 'payment_methods', 'coupon_question', 'account_help'] as const;
/** One such question. */
export type InfoTopic = (typeof INFO_TOPICS)[number];

/** What the dialog answers. */
export interface ShopInfoOptions {
  topic: InfoTopic;
  /** For delivery: ISO 3166-1 alpha-2 code of the country asked about. */
  country?: string;
}

function rateFacts(shop: ShopTexts, rate: ShippingRate): RateFacts {
  return {
    method: rate.method,
    price: shop.formatMoney(rate.priceMinor, rate.currency),
    minDays: rate.minDays,
    maxDays: rate.maxDays,
    freeOver: rate.freeOverMinor === null ? null : shop.formatMoney(rate.freeOverMinor, rate.currency),
  };
}

/**
 * The shop's rules, told from the store: return and refund policy, delivery options and times
 * for a country (or every zone), payment methods, coupon rules, account help. A dialog of one
 * step, so that it can interrupt another dialog, which then asks its question again.
 */
export class ShopInfoDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(SHOP_INFO_DIALOG);
    this.addDialog(new WaterfallDialog(WATERFALL, [(s) => this.answer(s)]));
    this.initialDialogId = WATERFALL;
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as ShopInfoOptions;
    await step.context.sendActivity(this.reply(textsOf(step.context).shop, options));
    return step.endDialog();
  }

  private reply(shop: ShopTexts, options: ShopInfoOptions): string {
    const policies = this.services.store.policies.get();
    switch (options.topic) {
      case 'refund_policy':
        return shop.refundPolicy(policies);
      case 'delivery':
        return this.delivery(shop, options.country);
      case 'payment_methods':
        return shop.paymentMethods(policies.paymentMethods);
      case 'coupon_question':
        return shop.couponRules(policies.couponsPerOrder);
      case 'account_help':
        return shop.accountHelp;
      default:
        return options.topic satisfies never;
    }
  }

  private delivery(shop: ShopTexts, country: string | undefined): string {
    const shipping = this.services.store.shipping;
    const zones = shipping.listZones();
    if (zones.length === 0) return shop.noDeliveryZones;
    if (!country) return shop.deliveryZones(zones.map((z) => ({ name: shop.zoneName(z), rates: z.rates.map((r) => rateFacts(shop, r)) })));
    const zone = shipping.zoneFor(country);
    if (!zone || zone.rates.length === 0) return shop.noDelivery(shop.countryName(country));
    return shop.deliveryTo(shop.countryName(country), zone.rates.map((r) => rateFacts(shop, r)));
  }
}
