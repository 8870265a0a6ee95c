import { TextPrompt, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Order } from '../../store';
import { textsFor } from '../texts';
import type { BotServices } from '../skill';
import { entityOf, textsOf } from '../turn';
import { acceptAfterMaxAttempts, askYesNo, botActor, confirmed, offerHuman, yesNoValidator } from './asking';
import { stillChangeable } from './cancel-order-dialog';
import { OrderDialog } from './order-dialog';

/** Id of the change-address dialog. */
export const CHANGE_ADDRESS_DIALOG = 'changeAddress';
const ADDRESS_PROMPT = 'addressPrompt';
const CONFIRM_PROMPT = 'confirmAddressPrompt';
/** Longer than any real one-line address: anything past it is not an address. */
const MAX_ADDRESS_LENGTH = 200;

/** "My new address is ..." says nothing of the address itself. */
const LEAD_IN = /^\s*(?:(?:my|the)\s+)?(?:new\s+)?(?:delivery\s+|shipping\s+)?address(?:\s+is)?\s*[:,-]?\s*|^\s*(?:新的?)?(?:收货|配送)?地址(?:是|为|改为|改成)?[:：]?\s*/iu;

/**
 * A delivery address from a message, or undefined when it does not look like one: a house
 * number or postcode (a digit) and words (a street, a town), within a sane length.
 */
export function addressIn(text: string): string | undefined {
  const address = text.replace(LEAD_IN, '').replace(/\s+/g, ' ').trim();
  const words = address.match(/\p{L}{2,}/gu) ?? [];
  const han = /\p{Script=Han}{4,}/u.test(address);
  if (address.length < 8 || address.length > MAX_ADDRESS_LENGTH || !/\d/.test(address)) return undefined;
  return words.length >= 2 || han ? address : undefined;
}

interface AddressValues {
  address: string;
  country: string | null;
}

/**
 * Changing the delivery address of an order before dispatch: asks for the new address (checked
 * to look like one), confirms, records it in the address history and the audit log.
 */
export class ChangeAddressDialog extends OrderDialog {
  constructor(services: BotServices) {
    super(CHANGE_ADDRESS_DIALOG, services, [(s, o) => this.askAddress(s, o), (s, o) => this.confirm(s, o), (s, o) => this.change(s, o)]);
    this.addDialog(
      new TextPrompt(ADDRESS_PROMPT, (p: PromptValidatorContext<string>) => acceptAfterMaxAttempts(p, addressIn(p.recognized.value ?? '') !== undefined)),
    );
    this.addDialog(new TextPrompt(CONFIRM_PROMPT, yesNoValidator));
  }

  private async askAddress(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    if (!(await stillChangeable(step, order, 'address'))) return step.endDialog();
    const shop = textsOf(step.context).shop;
    return step.prompt(ADDRESS_PROMPT, { prompt: shop.askAddress(order.id, order.shippingAddress), retryPrompt: shop.reaskAddress });
  }

  private async confirm(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const address = addressIn(String(step.result ?? ''));
    if (!address) {
      await offerHuman(step.context);
      return step.endDialog();
    }
    const code = entityOf(step.context, 'country');
    // Orders keep the country's English name, as the shop's own data does.
    const values: AddressValues = { address, country: code ? textsFor('en').shop.countryName(code) : null };
    (step.values as { pending: AddressValues }).pending = values;
    return askYesNo(step, CONFIRM_PROMPT, textsOf(step.context).shop.confirmAddress(order.id, address));
  }

  private async change(step: WaterfallStepContext, order: Order): Promise<DialogTurnResult> {
    const shop = textsOf(step.context).shop;
    const pending = (step.values as { pending: AddressValues }).pending;
    if (!(await confirmed(step, shop.addressKept(order.id)))) return step.endDialog();
    const done = this.services.store.orderChanges.changeAddress(order.id, pending, botActor(step.context));
    if (!done.ok) {
      await stillChangeable(step, done.order ?? order, 'address');
      return step.endDialog();
    }
    await step.context.sendActivity(shop.addressDone(order.id, pending.address));
    return step.endDialog(order.id);
  }
}

