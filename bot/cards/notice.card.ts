import type { Translate } from '../../src/i18n/translate';
import { adaptiveCard, line } from './card';

/**
 * The only reply to a case command in a group or meeting chat, in the language of the member who
 * typed it: guests and parents may be there and Teams keeps the message, so it names no case,
 * child or person.
 */
export function privateDetailsCard(t: Translate): object {
  return adaptiveCard([line(t('groupChat.caseDetails'))]);
}

/**
 * The answer to a card that belongs in a 1:1 chat (a check-in, a concern, booking, setting a group
 * up) pressed in a group, meeting or channel chat, in the presser's language: nothing was done, and
 * it names no case or person.
 */
export function personalChatOnlyCard(t: Translate): object {
  return adaptiveCard([line(t('groupChat.personalOnly'))]);
}

/** A short message card. */
export function messageCard(text: string): object {
  return adaptiveCard([line(text)]);
}
