import type { CardVerb, SubmittedCardAction } from '../../src/contracts/card-actions.contract';

/** An Adaptive Card as JSON. Teams renders version 1.5 with Universal Actions. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly object[];
  readonly actions?: readonly object[];
  readonly refresh?: object;
}

/** The frame every card shares. */
export function adaptiveCard(body: readonly object[], actions?: readonly object[]): AdaptiveCardJson {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions && actions.length > 0 ? { actions } : {}) };
}

/**
 * A button as Teams shows it: an `Action.Execute` (Universal Actions), with an `Action.Submit`
 * fallback for clients without them carrying the same data and the verb. `inputs`: the card's
 * inputs go with the press.
 */
export function executeAction(verb: CardVerb, title: string, data: object, options: { inputs?: boolean } = {}): object {
  const submitted: SubmittedCardAction<typeof data> = { ...data, verb };
  return { type: 'Action.Execute', verb, title, data, ...(options.inputs ? { associatedInputs: 'auto' } : {}), fallback: { type: 'Action.Submit', title, data: submitted } };
}

export const heading = (text: string): object => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const line = (text: string, options: Record<string, unknown> = {}): object => ({ type: 'TextBlock', text, wrap: true, ...options });
