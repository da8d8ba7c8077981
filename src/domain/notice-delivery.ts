/** What a notice is about: for now, a raised concern (its subject is the concern's id). */
export type NoticeKind = 'concern';

/** How one notice reached one member: by Teams or by e-mail, sent or failed (and why), and when. */
export interface NoticeDelivery {
  readonly kind: NoticeKind;
  readonly subjectId: string;
  readonly memberId: string;
  readonly channel: 'teams' | 'email';
  readonly outcome: 'sent' | 'failed';
  readonly detail?: string | undefined;
  readonly at: string;
}
