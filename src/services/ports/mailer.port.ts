/** Sends e-mail from the organiser mailbox to people outside Teams (other agencies, family). */
export interface Mailer {
  sendMail(message: { from: string; to: string; subject: string; bodyText: string; attachment?: { name: string; contentType: string; content: Buffer } | undefined }): Promise<void>;
}
