/** Hands a booked meeting's agenda to whoever posts it into the meeting chat (the bot). */
export interface AgendaPublisher {
  publishAgenda(request: { coreGroupId: string; meetingId: string; chatId: string }): Promise<void>;
}
