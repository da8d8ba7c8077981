import type { Translate } from '../../src/i18n/translate';
import { adaptiveCard, heading, line } from './card';

/** Sent once when someone installs the app for themselves: what it does and how to start. */
export function personalWelcomeCard(t: Translate): object {
  return adaptiveCard([heading(t('welcome.personalTitle')), line(t('welcome.personalWhat')), line(t('welcome.personalStart'))]);
}

/** Sent once when the app is added to a group or meeting chat: neutral, no case and no person. */
export function chatWelcomeCard(t: Translate): object {
  return adaptiveCard([heading(t('welcome.chatTitle')), line(t('welcome.chatWhat'), { isSubtle: true })]);
}
