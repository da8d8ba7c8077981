import { Temporal } from 'temporal-polyfill';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import { botEndpointForTests } from '../support/bot-endpoint';
import { englishCatalogueTextIn } from '../support/english-left';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };

/** Welsh through the real bot endpoint: the Teams locale, then each person's own choice. */
describe('Core Group in Welsh', () => {
  const bot = botEndpointForTests(clock);
  const say = (who: string, text: string, locale?: string) => bot.say(who, text, { locale });
  const press = (who: string, verb: string, data: object) => bot.press(who, { verb, data }, { locale: 'cy-GB' });
  /** A Welsh answer, with none of the bot's English catalogue words left in it. */
  const inWelsh = (reply: string) => {
    expect(englishCatalogueTextIn(reply)).toEqual([]);
    return reply;
  };

  test('someone whose Teams speaks Welsh (cy-GB) is answered in Welsh; en-GB in English', async () => {
    expect(inWelsh(await say('health', '/coregroup help', 'cy-GB'))).toContain('Teipiwch un o\'r rhain');
    expect(await say('health', '/coregroup help', 'cy-GB')).toContain('/coregroup status [achos]');
    expect(await say('health', '/coregroup help', 'en-GB')).toContain('Type one of these');
    expect(inWelsh(await say('health', '/coregroup language', 'cy-GB'))).toBe('Mae Core Group yn siarad Cymraeg â chi. I\'w gael yn Saesneg, teipiwch /coregroup language english.');
  });

  test('/coregroup language cymraeg: their own choice, over their Teams locale, kept for them alone; english turns it back', async () => {
    expect(inWelsh(await say('iro', '/coregroup language cymraeg', 'en-GB'))).toBe('Bydd Core Group yn siarad Cymraeg â chi o hyn ymlaen.');
    expect(inWelsh(await say('iro', '/coregroup help', 'en-GB'))).toContain('y rhestr hon');
    expect(await bot.store().languages.of(DEMO_TENANT_ID, demoObjectId('iro'))).toBe('cy');
    expect(await say('manager', '/coregroup help', 'en-GB')).toContain('this list');
    expect(await say('iro', '/coregroup language Saesneg')).toBe('Core Group will speak English to you from now on.');
    expect(await say('iro', '/coregroup help', 'cy-GB')).toContain('this list');
  });

  test('a language it does not speak is answered in the caller’s language with the two it does; nothing is stored', async () => {
    expect(inWelsh(await say('school', '/coregroup language français', 'cy-GB'))).toBe('Mae Core Group yn siarad Cymraeg a Saesneg: teipiwch /coregroup language cymraeg neu /coregroup language english.');
    expect(await bot.store().languages.of(DEMO_TENANT_ID, demoObjectId('school'))).toBeUndefined();
  });

  test('their actions and the check-in buttons in Welsh; pressing one is answered in Welsh; a case they cannot see is refused in Welsh', async () => {
    const tasks = inWelsh(await say('health', '/coregroup tasks', 'cy-GB'));
    for (const welsh of ['Eich camau gweithredu', 'Ar y trywydd iawn', 'Mewn perygl', 'Nodyn (angenrheidiol os yw', 'dyddiad dyledus']) expect(tasks).toContain(welsh);
    expect(tasks).not.toMatch(/On track|Your actions/);
    expect(inWelsh(await press('health', 'check-in', { coreGroupId: bot.coreGroupId(), actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-0000000000c1', 'note-action-visits': 'Ymweliad ddydd Mawrth' }))).toContain("✔ Wedi'i gofnodi: ar y trywydd iawn");
    expect(inWelsh(await say('school', '/coregroup tasks NO-SUCH-CASE', 'cy-GB'))).toContain("Nid oes gan yr un o'ch grwpiau craidd y cyfeirnod achos hwnnw");
  });

  test('a card action it does not know is refused in the presser’s Welsh, never in English', async () => {
    const refused = JSON.parse(await press('health', 'no-such-verb', {})) as { code: string; message: string };
    expect(refused).toEqual({ code: 'BadRequest', message: 'Nid yw gweithred y cerdyn hwn yn cael ei hadnabod.' });
  });

  test('/coregroup status in Welsh: the case, each deadline’s rule and standing, the meeting not booked; in English as before', async () => {
    const status = inWelsh(await say('lead', '/coregroup status', 'cy-GB'));
    for (const welsh of ['Achos DEMO-0001', 'Y grŵp craidd cyntaf o fewn 10 diwrnod gwaith i\'r gynhadledd amddiffyn plant gychwynnol', 'Yn ddyledus', 'Nid oes cyfarfod grŵp craidd wedi\'i drefnu.', 'Dim arwyddion']) expect(status).toContain(welsh);
    expect(status).not.toMatch(/First core group|No core group meeting is booked|No drift/);
    const english = await say('lead', '/coregroup status', 'en-GB');
    for (const text of ['Case DEMO-0001', 'First core group within 10 working days of the ICPC', 'No core group meeting is booked.', 'No drift or attendance signals.']) expect(english).toContain(text);
  });

  test('/coregroup plan in Welsh: the plan’s headings and facts; what members wrote stays as written', async () => {
    const plan = inWelsh(await say('lead', '/coregroup plan', 'cy-GB'));
    for (const welsh of ['Cynllun amddiffyn plant — achos DEMO-0001 (fersiwn 1)', 'Canlyniad: ', '"Perchennog"', '"Dyddiad dyledus"', '"heb ddechrau"', '"dim eto"', 'Cynllun wrth gefn: ', 'Monitro: ']) expect(plan).toContain(welsh);
    expect(plan).not.toMatch(/Child protection plan —|"Owner"|Last check-in|none yet|Contingency:/);
  });

  test('/coregroup review in Welsh: the next review conference, its rule, none booked or held', async () => {
    const review = inWelsh(await say('lead', '/coregroup review', 'cy-GB'));
    for (const welsh of ['Cynadleddau adolygu — achos DEMO-0001', 'Mae\'r gynhadledd adolygu nesaf yn ddyledus erbyn', 'Y gynhadledd adolygu gyntaf o fewn 3 mis', 'Dim un wedi\'i threfnu eto.', 'Dim un wedi\'i chynnal eto.']) expect(review).toContain(welsh);
    expect(review).not.toMatch(/Review conferences —|Next review conference due|None held yet/);
  });

  test('/coregroup minutes in Welsh', async () => {
    const minutes = inWelsh(await say('lead', '/coregroup minutes', 'cy-GB'));
    for (const welsh of ['Cofnodion — achos DEMO-0001', 'Y cyfarfod diwethaf', 'Y cyfarfod nesaf', 'Nid oes grŵp craidd wedi\'i gynnal eto.', 'Nid oes grŵp craidd wedi\'i drefnu.']) expect(minutes).toContain(welsh);
    expect(minutes).not.toMatch(/Minutes — case|Last meeting|No core group has been held/);
  });

  test('/coregroup members in Welsh for the lead social worker: positions and the roles to type in Welsh; people added with Welsh (or English) roles; a bad Add answered in Welsh', async () => {
    const members = inWelsh(await say('lead', '/coregroup members', 'cy-GB'));
    for (const welsh of ['Aelodau — achos DEMO-0001', 'Priya Shah — gweithiwr cymdeithasol arweiniol', '(drwy e-bost)', 'Tynnu Tom Okafor o\'r grŵp', 'Rolau: gweithiwr cymdeithasol arweiniol, rheolwr tîm, cadeirydd y gynhadledd, ymwelydd iechyd', 'ymwelydd iechyd | ymwelwyr iechyd', 'Eu hychwanegu a\'u croesawu']) expect(members).toContain(welsh);
    expect(members).not.toMatch(/Members — case|Add and welcome them|Remove Tom|\(by e-mail\)|teipiwch nhw yn Saesneg|lead social worker/);
    expect(inWelsh(await press('lead', 'add-members', { coreGroupId: bot.coreGroupId() }))).toContain('Ysgrifennwch y bobl i\'w hychwanegu');

    const memberText = ['Nyrs ysgol | Ysgol Gynradd y Bont | Gwen Morgan | gwen.morgan@ysgol.example', 'swyddog tai | Cymdeithas Dai | Huw Parri | huw.parri@tai.example', 'probation | probation service | Pat Evans | pat.evans@probation.example'].join('\n');
    const added = inWelsh(await press('lead', 'add-members', { coreGroupId: bot.coreGroupId(), memberText }));
    expect(added).toContain("Wedi'u hychwanegu a'u croesawu: Gwen Morgan, Huw Parri, Pat Evans.");
    for (const line of ['Gwen Morgan — nyrs ysgol, Ysgol Gynradd y Bont', 'Huw Parri — tai, Cymdeithas Dai', 'Pat Evans — gwasanaeth prawf, probation service']) expect(added).toContain(line);
    const stored = await bot.store().coreGroups.members(bot.coreGroupId());
    const gwenAndHuw = stored.filter((member) => ['Gwen Morgan', 'Huw Parri'].includes(member.displayName)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    expect(gwenAndHuw.map((member) => [member.position, member.role])).toEqual([
      ['school-nurse', 'professional'],
      ['housing', 'professional'],
    ]);
  });

  test('/coregroup escalate in Welsh; raising a concern is answered in Welsh, and the form then says where it stands', async () => {
    const form = inWelsh(await say('lead', '/coregroup escalate', 'cy-GB'));
    for (const welsh of ['Codi pryder — achos DEMO-0001', 'Beth yw\'r pryder?', 'Beth sy\'n digwydd?', 'Codi\'r pryder', 'Mae\'r cynllun yn llithro neu wedi\'i oedi']) expect(form).toContain(welsh);
    expect(form).not.toMatch(/Raise a concern|What is happening|The plan is drifting/);
    const requestId = (JSON.parse(form) as { actions: { data: { requestId: string } }[] }).actions[0]!.data.requestId;
    const raised = inWelsh(await press('lead', 'raise-concern', { coreGroupId: bot.coreGroupId(), requestId, kind: 'drift-and-delay', note: 'Dim cynnydd ers tair wythnos' }));
    expect(raised).toContain('Pryder wedi\'i godi — achos DEMO-0001');
    expect(raised).toContain('✔ Mae\'r cynllun yn llithro neu wedi\'i oedi. Mae wedi\'i gofnodi.');
    expect(raised).not.toMatch(/Concern raised|It is recorded/);
    const after = inWelsh(await say('lead', '/coregroup escalate', 'cy-GB'));
    for (const welsh of ['Pryderon a godwyd gennych', 'Cam 1 o 3: y gweithiwr cymdeithasol arweiniol a\'r rheolwr tîm sy\'n ymdrin ag ef']) expect(after).toContain(welsh);
    expect(after).not.toMatch(/Concerns you raised|Step 1 of 3/);
  });
});
