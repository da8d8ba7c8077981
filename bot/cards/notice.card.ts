import { adaptiveCard, line } from './card';

/**
 * The only reply to a case command in a group or meeting chat: guests and parents may be there
 * and Teams keeps the message, so it names no case, child or person.
 */
export function privateDetailsCard(): object {
  return adaptiveCard([line('Case details are only shown in a 1:1 chat. Open a chat with **Core Group** and type the command there.')]);
}

/**
 * The answer to a card that belongs in a 1:1 chat (a check-in, a concern, booking, setting a group
 * up) pressed in a group, meeting or channel chat: nothing was done, and it names no case or person.
 */
export function personalChatOnlyCard(): object {
  return adaptiveCard([line('Nothing was recorded: this card works only in your 1:1 chat with **Core Group**. Type the command there for a fresh card.')]);
}

/** A short message card. */
export function messageCard(text: string): object {
  return adaptiveCard([line(text)]);
}
