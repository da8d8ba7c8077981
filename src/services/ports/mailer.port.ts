import { RemoteError } from './remote-error';

/** Sends e-mail from the organiser mailbox to people outside Teams (other agencies, family). */
export interface Mailer {
  sendMail(message: { from: string; to: string; subject: string; bodyText: string; attachment?: { name: string; contentType: string; content: Buffer } | undefined }): Promise<void>;
}

/**
 * An e-mail could not be sent. `mail-unavailable`: the mail service was busy, down or not reached —
 * a later try may work (`retryAfterMs` says when, if it said). `mail-refused`: it answered no (a
 * 4xx: no right to send as that mailbox, an address it will not take) — trying again will not help.
 */
export class MailError extends RemoteError<'mail-unavailable' | 'mail-refused'> {}
