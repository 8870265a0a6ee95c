import type { HandoffTexts } from './handoff-types';

const minutes = (n: number): string => (n <= 1 ? 'about a minute' : `about ${n} minutes`);

/** English handoff texts. */
export const HANDOFF_EN: HandoffTexts = {
  openAsked: "Of course, I'm getting a person from our team to take over.",
  openComplaint: "I'm sorry to hear that. I'm passing this to a person from our team who can sort it out.",
  openFrustration: "I'm sorry I'm not getting this right. Let me get a person from our team to help you.",
  wait: (n) => `The expected wait is ${minutes(n)}. Keep writing here if you like; they'll see everything.`,
  stillWaiting: (n) => `You're in the queue; a person will be with you in ${minutes(n)}. Type "cancel" to go back to me.`,
  nobodyOnline:
    "Nobody from our team is online right now. Would you like to leave a message? Type your email address and we'll reply by email.",
  expired:
    "I'm sorry, nobody could take your conversation in time. Would you like to leave a message? Type your email address and we'll reply by email.",
  cancelled: "OK, I've cancelled the request for a person. How else can I help?",
  agentJoined: (name) => `${name} from our team has joined the conversation.`,
  transferred: "I'm passing you to a colleague who can help better. One moment, please.",
  requeued: 'Your agent got disconnected; I\'m finding someone else to continue.',
  resolved: "You're back with the shop assistant. Thanks for your patience!",
  closedIdle: "This chat with our team was closed after a while without messages. I'm here if you need anything else.",
  askCsat: 'How did we do? Please rate the help you got from 1 (poor) to 5 (excellent).',
  csatChoices: ['1', '2', '3', '4', '5'],
  csatThanks: 'Thank you for your rating! Anything else I can do for you?',
  followUpAskMessage: 'Thanks. What would you like us to know? Write your message in one go.',
  followUpBadEmail: "That doesn't look like an email address. Type the one we should reply to, or \"cancel\".",
  followUpStored: (email) => `Got it. We'll reply to ${email} as soon as someone is back.`,
  followUpDropped: 'OK, no message then. How else can I help?',
};
