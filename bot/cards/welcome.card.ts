import { adaptiveCard, heading, line } from './card';

/** Sent once when someone installs the app for themselves: what it does and how to start. */
export function personalWelcomeCard(): object {
  return adaptiveCard([
    heading('Welcome to Core Group'),
    line('I help a child protection core group keep to its statutory timescales: the deadlines for each case, booking the next core group in Teams, check-ins on plan actions, minutes and their sign-off, and raising a concern.'),
    line('Type **/coregroup help** to see what you can do, or **/coregroup status** for your core groups.'),
  ]);
}

/** Sent once when the app is added to a group or meeting chat: neutral, no case and no person. */
export function chatWelcomeCard(): object {
  return adaptiveCard([
    heading('Core Group has been added to this chat'),
    line('Mention @Core Group with **/coregroup help** to see what it can do here. Details of a case are only ever shown to each member in their own 1:1 chat with the app, never in this chat.', { isSubtle: true }),
  ]);
}
