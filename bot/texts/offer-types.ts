/** What the bot says when it offers a coupon (issue 6), per locale. */
export interface OfferTexts {
  /**
   * The proactive offer; the widget shows the code in its coupon box below the text.
   * @param percentOff - e.g. 10 for 10%
   * @param expiresAt - ISO 8601 time the code stops working
   */
  coupon(percentOff: number, expiresAt: string): string;
}
