import { COMMANDS } from '../../bot/commands/command-table';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { attack } from './support/attack';
import { type BotUnderAttack, GROUP_CHAT_ID, MEETING_CHAT_ID, type Place, startBotUnderAttack } from './support/bot-under-attack';

/**
 * Every command that shows case details answers in a 1:1 chat only. Typed in a group, meeting or
 * channel chat — where guests and parents read along and Teams keeps the message — it gets a
 * notice that names no case, child or person. The list comes from the command table, so a new
 * case command is attacked as soon as it is marked `personalOnly`.
 */
describe('attacks with case commands in shared chats', () => {
  let bot: BotUnderAttack;
  const lead = demoObjectId('lead');
  const caseDetail = /DEMO-0001|Riley|Jordan|Priya|Grace|Owen|Amira|Visit weekly|Safety plan|due by|Core group set up/i;
  const personalOnly = Object.entries(COMMANDS).filter(([, command]) => command.personalOnly).map(([verb]) => verb);
  const shared: readonly [string, Place][] = [
    ['a group chat', { conversationType: 'groupChat', conversationId: GROUP_CHAT_ID }],
    ['the meeting chat', { conversationType: 'groupChat', conversationId: MEETING_CHAT_ID }],
    ['a channel', { conversationType: 'channel', conversationId: '19:general@thread.tacv2' }],
  ];

  beforeAll(async () => {
    bot = await startBotUnderAttack();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.channel.sent.splice(0));

  test('the case commands are the ones the table marks personal-only', () => {
    expect([...personalOnly].sort()).toEqual(['escalate', 'members', 'minutes', 'new', 'plan', 'review', 'schedule', 'status', 'tasks']);
  });

  for (const verb of personalOnly) {
    for (const [where, place] of shared) {
      attack(`/coregroup ${verb} in ${where} answers with a notice that names no case or person`, async () => {
        await bot.say(lead, `<at>Core Group</at> /coregroup ${verb}`, place);
        const posted = bot.sentTo(place.conversationId!).join('');
        expect(posted).toContain('1:1 chat');
        expect(posted).not.toMatch(caseDetail);
      });
    }
  }

  attack('a case command in a conversation whose type the channel does not give answers as in a shared chat', async () => {
    await bot.say(lead, '/coregroup status', {}, { conversation: { id: GROUP_CHAT_ID, tenantId: DEMO_TENANT_ID } });
    const posted = bot.sentTo(GROUP_CHAT_ID).join('');
    expect(posted).toContain('1:1 chat');
    expect(posted).not.toMatch(caseDetail);
  });

  test('the same command in the 1:1 chat shows the case', async () => {
    await bot.say(lead, '/coregroup status');
    expect(bot.channel.sent.map((request) => JSON.stringify(request.body)).join('')).toContain('DEMO-0001');
  });
});
