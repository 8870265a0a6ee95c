/**
 * Chinese names of common shop goods and their materials, as the English words catalog names use:
 * a Chinese message names "杯子" where the (English) catalog says "mug" or "cup". The catalog
 * matcher reads each term found in a message as these English words, so a Chinese mention is
 * matched by the same rules as an English one. Data only: extend it for a catalog's own goods.
 * Single characters that start other words (包 in 包裹 "parcel", 钟 in 分钟 "minute") are left out.
 * Colours are in `vocabulary.ts` (`COLORS`), which the matcher reads the same way.
 */
export const ZH_PRODUCT_GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  杯子: ['mug', 'cup'], 马克杯: ['mug'], 茶杯: ['tea', 'cup'], 咖啡杯: ['coffee', 'mug'], 杯: ['cup', 'mug'],
  灯笼: ['lantern'], 灯: ['light'], 灯串: ['lights'], 蜡烛: ['candle'], 烛台: ['candle', 'holder'], 香薰: ['incense'],
  袋子: ['bag'], 午餐包: ['lunch', 'bag'], 午餐袋: ['lunch', 'bag'], 饭袋: ['lunch', 'bag'], 购物袋: ['shopping', 'bag'], 手提袋: ['bag'], 钱包: ['purse'],
  盒子: ['box'], 盒: ['box'], 收纳盒: ['storage', 'box'], 铁盒: ['tin'], 罐子: ['jar'], 罐: ['jar'], 篮子: ['basket'],
  蛋糕架: ['cake', 'stand'], 蛋糕: ['cake'], 茶壶: ['teapot'], 碗: ['bowl'], 盘子: ['plate'], 托盘: ['tray'],
  瓶子: ['bottle'], 热水袋: ['hot', 'water', 'bottle'], 餐巾: ['napkin'], 餐巾纸: ['napkins'], 围裙: ['apron'], 毛巾: ['towel'],
  闹钟: ['alarm', 'clock'], 时钟: ['clock'], 镜子: ['mirror'], 相框: ['photo', 'frame'],
  靠垫: ['cushion'], 抱枕: ['cushion'], 靠垫套: ['cushion', 'cover'], 门垫: ['doormat'], 地垫: ['doormat'], 伞: ['umbrella'], 雨伞: ['umbrella'],
  笔记本: ['notebook'], 本子: ['notebook'], 铅笔: ['pencil'], 贴纸: ['stickers'], 卡片: ['card'], 贺卡: ['greeting', 'card'],
  包装纸: ['wrap'], 彩带: ['ribbon'], 丝带: ['ribbon'], 拼图: ['jigsaw'], 玩具: ['toy'], 娃娃: ['doll'], 挂钩: ['hook'],
  花环: ['garland'], 彩旗: ['bunting'], 装饰: ['decoration'], 挂饰: ['hanging', 'decoration'], 圣诞: ['christmas'], 圣诞树: ['christmas', 'tree'],
  手链: ['bracelet'], 项链: ['necklace'], 耳环: ['earrings'], 戒指: ['ring'], 发夹: ['hair', 'clip'], 标牌: ['sign'], 牌子: ['sign'],
  磁铁: ['magnets'], 冰箱贴: ['fridge', 'magnets'], 钥匙扣: ['keyring'], 门挡: ['doorstop'], 餐具: ['cutlery'], 小蛋糕纸杯: ['cake', 'cases'],
  心形: ['heart'], 爱心: ['heart'], 星星: ['star'], 小鸟: ['bird'], 蝴蝶: ['butterfly'], 玫瑰: ['rose'], 骷髅: ['skull'],
  复古: ['vintage', 'retro'], 巧克力: ['chocolate'], 草莓: ['strawberry'], 古董: ['antique'], 木制: ['wooden'], 木头: ['wood'], 金属: ['metal'], 玻璃: ['glass'], 陶瓷: ['ceramic'], 锌: ['zinc'],
  珐琅: ['enamel'], 水晶: ['crystal'], 棉: ['cotton'], 毛毡: ['felt'], 大号: ['jumbo'], 迷你: ['mini'], 波点: ['polkadot'], 圆点: ['polkadot'],
};

/** Glossary terms, longest first, so "午餐袋" wins over "袋" wherever both match. */
const TERMS_LONGEST_FIRST = Object.keys(ZH_PRODUCT_GLOSSARY).sort((a, b) => b.length - a.length);

/** A name of goods found in a Chinese message, with the English catalog words it stands for. */
export interface GoodsTerm {
  term: string;
  words: readonly string[];
}

/**
 * The names of goods a Chinese message uses, in message order, each stretch of text read once by
 * its longest term.
 *
 * @example
 * goodsTermsIn('有没有红色的午餐袋'); // [{ term: '午餐袋', words: ['lunch', 'bag'] }]
 */
export function goodsTermsIn(text: string): GoodsTerm[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const found: Array<GoodsTerm & { at: number }> = [];
  for (const term of TERMS_LONGEST_FIRST) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      if (taken.slice(at, at + term.length).some(Boolean)) continue;
      taken.fill(true, at, at + term.length);
      found.push({ at, term, words: ZH_PRODUCT_GLOSSARY[term] ?? [] });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ term, words }) => ({ term, words }));
}

/**
 * The English catalog words for the goods a Chinese message names, in message order.
 *
 * @example
 * englishGoodsWords('有没有红色的午餐袋'); // ['lunch', 'bag']
 */
export function englishGoodsWords(text: string): string[] {
  return [...new Set(goodsTermsIn(text).flatMap((g) => g.words))];
}
