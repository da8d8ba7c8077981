/**
 * Where the minutes tab of a meeting opens: a Teams deep link to the app's meeting tab in the
 * meeting chat. It carries the chat id (already known to everyone in the chat) and no case detail.
 * The bot's cards and the Outlook add-in both link to it.
 */
export function minutesTabLink(teamsAppId: string, chatId: string): string {
  const context = encodeURIComponent(JSON.stringify({ chatId, contextType: 'chat' }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/minutes?context=${context}`;
}
