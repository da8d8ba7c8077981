import { meetingChatIdFromBody } from '../../tab/src/outlook/teams-join-link';

describe('the meeting chat named in a calendar event’s Teams join link', () => {
  const thread = '19:meeting_NzY4ZTBhZDAtYTk5Ni00ZTQ1LWE2OWQtZGU3NTAxMzBiYmJk@thread.v2';
  const link = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%22Tid%22%3a%22t%22%2c%22Oid%22%3a%22o%22%7d`;

  test('is read from the link in the event’s HTML body, with &amp; escaped or not', () => {
    expect(meetingChatIdFromBody(`<p>Microsoft Teams meeting</p><a href="${link.replaceAll('&', '&amp;')}">Join the meeting now</a>`)).toBe(thread);
    expect(meetingChatIdFromBody(`Join: ${link}`)).toBe(thread);
  });

  test('is none for an event without a Teams join link, or with a link that names no chat thread', () => {
    expect(meetingChatIdFromBody('<p>Team lunch in the canteen</p>')).toBeUndefined();
    expect(meetingChatIdFromBody('<a href="https://teams.microsoft.com/l/meetup-join/not-a-thread/0">Join</a>')).toBeUndefined();
    expect(meetingChatIdFromBody('<a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%2Fevil%40thread.v2/0">Join</a>')).toBeUndefined();
    expect(meetingChatIdFromBody('<a href="https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0">Join</a>')).toBeUndefined();
  });
});
