/**
 * The Teams meeting chat a calendar event belongs to, from the join link in its body:
 * `https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…` names the
 * meeting's chat thread, which is the chat Core Group booked the meeting with. Undefined when the
 * event has no Teams join link.
 */
export function meetingChatIdFromBody(html: string): string | undefined {
  const match = /https:\/\/teams\.microsoft\.com\/l\/meetup-join\/([^/"'\s<>]+)/i.exec(html.replaceAll('&amp;', '&'));
  if (!match) return undefined;
  let thread: string;
  try {
    thread = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  return /^19:[^\s/?#]+$/.test(thread) ? thread : undefined;
}
