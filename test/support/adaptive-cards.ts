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
