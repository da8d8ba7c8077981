// The package's lib/ uses extensionless ESM imports; its dist bundle works in Node (PLATFORM-NOTES.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Parses a card with the Adaptive Cards SDK and returns every parse and validation complaint. */
export function problems(card: object): string[] {
  const context = new AdaptiveCards.SerializationContext();
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.parse(card as never, context);
  const messages = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message);
  const validation = parsed.validateProperties();
  for (let index = 0; index < validation.validationEvents.length; index++) messages.push(validation.validationEvents[index]!.message);
  return messages;
}

/** A card's button as tests press it: its verb and data, and the card it shows (a cancel form). */
export type CardAction = { type: string; verb?: string; title: string; data?: Record<string, unknown>; card?: { actions: CardAction[] } };
/** What tests read of a card the bot answered with: its inputs' choices and its buttons. */
export type AnsweredCard = { body: { type: string; id?: string; choices?: { value: string; title: string }[] }[]; actions?: CardAction[] };

/** Every button of a card, those inside a card it shows (the cancel form) too. */
export function actionsOf(card: AnsweredCard): CardAction[] {
  return (card.actions ?? []).flatMap((action) => [action, ...(action.card ? action.card.actions : [])]);
}

/** The button with this title (the test fails on reading it if there is none). */
export function titled(card: AnsweredCard, title: string): CardAction {
  return actionsOf(card).find((action) => action.title === title)!;
}

/** The first slot a slot offer's choice set holds. */
export function firstSlot(card: AnsweredCard): string {
  return card.body.find((element) => element.id === 'slot')!.choices![0]!.value;
}
