import type { Activity } from 'botbuilder';
import { plainTextOf } from '../../bot/activity';
import { parseCommand } from '../../bot/commands/parse-command';

const BOT = { id: '28:app', name: 'Core Group' };
const mention = (id: string, name: string) => ({ type: 'mention', mentioned: { id, name }, text: `<at>${name}</at>` });
const message = (text: string, entities: object[] = []) => ({ type: 'message', text, recipient: BOT, entities }) as Partial<Activity>;

describe('the text of a Teams message, as the person typed it', () => {
  test.each([
    ['plain text stays as it is', message('/coregroup status'), '/coregroup status'],
    ['the app’s mention goes by its entity', message('<at>Core Group</at> /coregroup status', [mention(BOT.id, BOT.name)]), '/coregroup status'],
    ['a person’s mention goes by its entity, their name with it', message('<at>Core Group</at> /coregroup action <at>Owen Price</at> to call by 2026-06-19', [mention(BOT.id, BOT.name), mention('29:owen', 'Owen Price')]), '/coregroup action  to call by 2026-06-19'],
    ['entities are decoded, not only &nbsp;', message('/coregroup note Mum &amp; Dad&nbsp;&lt;agree&gt; &quot;fine&quot; &#8212; ok'), '/coregroup note Mum & Dad <agree> "fine" — ok'],
    ['markup is dropped', message('<p>/coregroup note <b>heating</b> fixed</p>'), '/coregroup note  heating  fixed'],
    ['an <at> without a mention entity is dropped with its text', message('<at>Core Group</at> /coregroup status'), '/coregroup status'],
  ])('%s', (_case, activity, expected) => {
    expect(plainTextOf(activity)).toBe(expected);
  });

  test('the activity itself is left as it came', () => {
    const activity = message('<at>Core Group</at> /coregroup status', [mention(BOT.id, BOT.name)]);
    plainTextOf(activity);
    expect(activity.text).toBe('<at>Core Group</at> /coregroup status');
  });

  test.each([
    ['/coregroup status', false, { verb: 'status', rest: '', known: true }],
    ['coregroup Tasks', false, { verb: 'tasks', rest: '', known: true }],
    ['plan', true, { verb: 'plan', rest: '', known: true }],
    ['plan', false, { verb: 'help', rest: '', known: false }],
    ['/coregroup note Mum & Dad agree', false, { verb: 'note', rest: 'Mum & Dad agree', known: true }],
    ['what can you do?', true, { verb: 'help', rest: '', known: false }],
    ['', true, { verb: 'help', rest: '', known: true }],
  ] as const)('%j (1:1: %s) is read as %j', (text, personal, expected) => {
    expect(parseCommand(text, { personal })).toEqual(expected);
  });
});
