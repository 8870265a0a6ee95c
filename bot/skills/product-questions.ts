import { PRODUCT_DIALOG, ProductDialog, type ProductDialogOptions } from '../dialogs/product-dialog';
import type { SkillFactory } from '../skill';

/** Price, stock, description, colours, budget and category searches, answered from the catalog with product cards. */
export const productQuestionsSkill: SkillFactory = (services) => ({
  id: 'product-questions',
  intents: ['product_question', 'product_search'],
  dialogs: [new ProductDialog(services)],
  async start({ dc, understanding }) {
    const options: ProductDialogOptions = { aboutOneProduct: understanding.intent === 'product_question' };
    await dc.beginDialog(PRODUCT_DIALOG, options);
  },
});
