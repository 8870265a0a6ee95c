/** The mixed shop questions simulated shoppers ask, in English and Chinese, in turn. */
export const QUESTIONS = [
  'hi',
  'where is my order?',
  'what are your delivery options?',
  'do you have red lanterns?',
  'how do I return an item?',
  'thanks!',
  '我的订单到哪了？',
  'can I pay with paypal?',
  'never mind',
];
