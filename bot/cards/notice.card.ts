import { adaptiveCard, line } from './card';

/**
 * The only reply to a case command in a group or meeting chat: guests and parents may be there
 * and Teams keeps the message, so it names no case, child or person.
 */
export function privateDetailsCard(): object {
  return adaptiveCard([line('Case details are only shown in a 1:1 chat. Open a chat with **Core Group** and type the command there.')]);
}

/** A short message card. */
export function messageCard(text: string): object {
  return adaptiveCard([line(text)]);
}
