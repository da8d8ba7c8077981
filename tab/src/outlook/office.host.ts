/**
 * The little of Office.js the Outlook add-in uses, typed here rather than through @types/office-js:
 * the item open in the reading pane (a message or a calendar event), its body and attachments, the
 * SSO token, the language Office shows itself in, and the event that a pinned task pane moved to
 * another item.
 */
interface AsyncResult<T> {
  readonly status: 'succeeded' | 'failed';
  readonly value: T;
  readonly error?: { readonly message?: string };
}

interface OfficeAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType?: string;
  readonly attachmentType?: string;
  readonly isInline?: boolean;
}

interface OfficeItem {
  readonly itemType: string;
  readonly itemId?: string;
  readonly internetMessageId?: string;
  readonly subject?: string;
  readonly from?: { readonly displayName?: string; readonly emailAddress?: string };
  readonly dateTimeCreated?: Date;
  readonly attachments?: readonly OfficeAttachment[];
  readonly body: { getAsync(coercion: string, callback: (result: AsyncResult<string>) => void): void };
  getAttachmentContentAsync?(id: string, callback: (result: AsyncResult<{ format: string; content: string }>) => void): void;
}

export interface OfficeApi {
  onReady(): Promise<{ host?: string | null }>;
  readonly context: { readonly displayLanguage?: string; readonly mailbox?: { readonly item?: OfficeItem | null; addHandlerAsync?(eventType: string, handler: () => void, callback?: (result: AsyncResult<void>) => void): void } };
  readonly auth: { getAccessToken(options?: { allowSignInPrompt?: boolean; allowConsentPrompt?: boolean }): Promise<string> };
}

/** Microsoft's hosted Office.js: Office add-ins must load it from here (it is never bundled). */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** An attachment as the add-in offers it: only files (not attached e-mails, cloud links or inline pictures). */
export interface MailAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
}

/** The e-mail open in Outlook's reading pane. */
export interface MailMessage {
  readonly kind: 'message';
  readonly messageId: string;
  readonly subject: string;
  readonly sender: string;
  readonly receivedAt: string;
  readonly attachments: readonly MailAttachment[];
  bodyText(): Promise<string>;
  /** An attachment's bytes, base64 as Office.js gives them. */
  content(attachmentId: string): Promise<string>;
}

/** A calendar event open in Outlook. */
export interface CalendarEvent {
  readonly kind: 'event';
  readonly subject: string;
  bodyHtml(): Promise<string>;
}

/** Outlook, as the add-in's pages see it. */
export interface MailboxHost {
  readonly item: MailMessage | CalendarEvent | undefined;
  /** The language Office shows itself in (`Office.context.displayLanguage`, "cy-GB"), if it says. */
  readonly displayLanguage: string | undefined;
  getToken(): Promise<string>;
  /** Called when the user moves a pinned task pane to another item. */
  onItemChanged(handler: (item: MailMessage | CalendarEvent | undefined) => void): void;
}

/** What Outlook would not do, for the page to say in its language (`outlook.officeError.<reason>`). */
export type OfficeFailure = 'failed' | 'old-outlook' | 'attachment-link';

/** Outlook refused or could not do something; `message` keeps Office's own words, for the console. */
export class OfficeError extends Error {
  override readonly name = 'OfficeError';
  readonly reason: OfficeFailure;

  constructor(reason: OfficeFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

function promised<T>(call: (callback: (result: AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    call((result) => (result.status === 'succeeded' ? resolve(result.value) : reject(new OfficeError('failed', result.error?.message ?? 'Office gave no reason'))));
  });
}

function readItem(item: OfficeItem | null | undefined): MailMessage | CalendarEvent | undefined {
  if (!item) return undefined;
  if (item.itemType === 'appointment') return { kind: 'event', subject: item.subject ?? '', bodyHtml: () => promised((callback) => item.body.getAsync('html', callback)) };
  if (item.itemType !== 'message') return undefined;
  const from = item.from;
  return {
    kind: 'message',
    messageId: item.internetMessageId ?? item.itemId ?? '',
    subject: item.subject ?? '',
    sender: from ? (from.displayName && from.emailAddress ? `${from.displayName} <${from.emailAddress}>` : (from.emailAddress ?? from.displayName ?? '')) : '',
    receivedAt: (item.dateTimeCreated ?? new Date()).toISOString(),
    attachments: (item.attachments ?? [])
      .filter((attachment) => (attachment.attachmentType ?? 'file') === 'file' && !attachment.isInline)
      .map((attachment) => ({ id: attachment.id, name: attachment.name, size: attachment.size, contentType: attachment.contentType ?? '' })),
    bodyText: () => promised((callback) => item.body.getAsync('text', callback)),
    content: async (attachmentId) => {
      if (!item.getAttachmentContentAsync) throw new OfficeError('old-outlook', 'getAttachmentContentAsync is missing (Mailbox 1.8)');
      const file = await promised<{ format: string; content: string }>((callback) => item.getAttachmentContentAsync!(attachmentId, callback));
      if (file.format !== 'base64') throw new OfficeError('attachment-link', `the attachment came as ${file.format}, not base64`);
      return file.content;
    },
  };
}

function loadOfficeJs(timeoutMs: number): Promise<OfficeApi | undefined> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = OFFICE_JS_URL;
    const timer = window.setTimeout(() => resolve(undefined), timeoutMs);
    script.onload = () => {
      window.clearTimeout(timer);
      resolve((window as { Office?: OfficeApi }).Office);
    };
    script.onerror = () => {
      window.clearTimeout(timer);
      resolve(undefined);
    };
    document.head.append(script);
  });
}

/**
 * Connects to Outlook, or resolves undefined when the page is not inside it. Office.js is loaded
 * only when Outlook opened the page (the manifest's URL says `?host=outlook`, and Outlook frames it
 * or hosts it in a web view); a page where `Office` is already defined (a test's stand-in) uses
 * that. The SSO token comes from `Office.auth.getAccessToken`, for the same API the tab's is.
 */
export async function connectToOutlook(options: { timeoutMs: number }): Promise<MailboxHost | undefined> {
  const present = (window as { Office?: OfficeApi }).Office;
  const askedFor = new URLSearchParams(window.location.search).get('host') === 'outlook';
  const office = present ?? (askedFor ? await loadOfficeJs(options.timeoutMs) : undefined);
  if (!office) return undefined;
  await office.onReady();
  const mailbox = office.context.mailbox;
  if (!mailbox) return undefined;
  return {
    item: readItem(mailbox.item),
    displayLanguage: office.context.displayLanguage,
    getToken: () => office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true }),
    onItemChanged: (handler) => mailbox.addHandlerAsync?.('olkItemSelectedChanged', () => handler(readItem(mailbox.item))),
  };
}
