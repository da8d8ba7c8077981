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

export const heading = (text: string): object => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const line = (text: string, options: Record<string, unknown> = {}): object => ({ type: 'TextBlock', text, wrap: true, ...options });
