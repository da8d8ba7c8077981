import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { emptyMinutesContent } from '../../src/domain/minutes';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import type { RunningService } from '../../src/main';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { launchChromium } from '../support/browser';
import { browserSuite, startTabStack } from '../support/tab-stack';
import { attack } from './support/attack';
import { DIRECTIONAL, LONG_WORD } from './support/hostile-record';

/** A right-to-left name with every directional formatting character, markup, and a word wider than the side panel. */
const HOSTILE = `אליס ${DIRECTIONAL} owner \u202Edue 2026-01-05 <img src=x onerror=alert(1)> [x](https://evil.example) ${LONG_WORD}`;

/** What the page shows outside its form fields: text nodes (SVG titles and options included) and aria-label/title attributes. */
interface Shown {
  readonly texts: string[];
  readonly overflow: number;
  readonly activeMarkup: number;
}

browserSuite('user text in the tab (headless Chromium, the built tab, the real server)', () => {
  let service: RunningService;
  let browser: BrowserContext;
  let meetingId: string;

  beforeAll(async () => {
    const stack = await startTabStack('tab-output');
    service = stack.service;
    const { sqliteFile } = stack;
    const database = openDatabase({ sqliteFile });
    const store = createStore(database);
    const [coreGroup] = await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'));
    const members = await store.coreGroups.members(coreGroup!.id);
    const lead = members.find((member) => member.aadObjectId === demoObjectId('lead'))!;
    const health = members.find((member) => member.aadObjectId === demoObjectId('health'))!;
    const stranger = { id: randomUUID(), displayName: HOSTILE, role: 'professional' as const, agency: HOSTILE, reach: 'email-only' as const, active: true };
    await store.coreGroups.addMember(coreGroup!.id, stranger);
    const plan = (await store.plans.current(coreGroup!.id))!;
    const today = Temporal.Now.plainDateISO('Europe/London');
    const overdue = { id: 'action-hostile', outcomeId: plan.outcomes[0]!.id, what: HOSTILE, ownerMemberId: lead.id, agency: HOSTILE, due: today.subtract({ days: 3 }), agreedOn: today.subtract({ days: 20 }), progressMeasure: HOSTILE, state: 'in-progress' as const };
    await store.plans.saveRevision({ plan: { ...plan, version: plan.version + 1, actions: [...plan.actions, overdue] }, authorMemberId: lead.id, reason: 'test', changes: [] }, new Date().toISOString());
    await store.checkIns.record({ id: randomUUID(), coreGroupId: coreGroup!.id, actionId: overdue.id, memberId: lead.id, status: 'at-risk', note: HOSTILE, recordedAt: new Date().toISOString() }, randomUUID());
    meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup!.id, date: today, status: 'scheduled', minuteTakerMemberId: health.id });
    const contribution = { id: 'activity-1', kind: 'action' as const, text: HOSTILE, memberId: stranger.id, at: new Date().toISOString(), ownerName: HOSTILE, due: HOSTILE };
    await store.minutes.createDraft({ id: randomUUID(), meetingId, coreGroupId: coreGroup!.id, version: 1, content: { ...emptyMinutesContent([...members, stranger]), contributions: [contribution] } }, lead.id, new Date().toISOString());
    await database.close();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** A page of the tab as the lead social worker (who chairs) sees it, 320px wide like the meeting side panel. */
  const open = async (path: string, ready: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${service.url}/tab/${path}`);
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await page.getByText(ready).first().waitFor({ timeout: 15_000 });
    return page;
  };

  const shown = (page: Page): Promise<Shown> =>
    page.evaluate(() => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('textarea, input, script, style')) texts.push(node.nodeValue ?? '');
      }
      for (const element of document.querySelectorAll('[aria-label], [title]')) texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
      const activeMarkup = document.querySelectorAll('img[src="x"], a[href*="evil.example"], [onerror]').length;
      return { texts, overflow: document.documentElement.scrollWidth - window.innerWidth, activeMarkup };
    });

  const DIRECTIONAL_CHARACTER = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
  const ISOLATED = /\u2068[^\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]*\u2069/g;
  /** Text on the page where a directional character is not part of a clean isolate around user text. */
  const reordering = ({ texts }: Shown) => texts.filter((text) => DIRECTIONAL_CHARACTER.test(text.replace(ISOLATED, ''))).map((text) => text.slice(0, 60));
  /** How many places show the hostile text, isolated. */
  const isolated = ({ texts }: Shown) => texts.filter((text) => text.match(ISOLATED)?.some((span) => span.includes('אליס'))).length;

  attack('directional overrides in a member’s name and agency, a plan action, a check-in note and a chat contribution cannot reorder the minutes tab’s text around them', async () => {
    const page = await open(`minutes?meetingId=${meetingId}`, 'Owner as typed');
    const result = await shown(page);
    expect(reordering(result)).toEqual([]);
    expect(isolated(result)).toBeGreaterThan(5);
    expect(result.activeMarkup).toBe(0);
    await page.close();
  }, 60_000);

  attack('a 1,000-character word in a name, an action and a note does not make the 320px minutes side panel scroll sideways', async () => {
    const page = await open(`minutes?meetingId=${meetingId}`, 'Owner as typed');
    expect((await shown(page)).overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);

  attack('directional overrides in the caller’s own action cannot reorder the dashboard’s text around it (needs attention, my actions, signals, the plan timeline)', async () => {
    const page = await open('dashboard', 'My actions');
    const result = await shown(page);
    expect(reordering(result)).toEqual([]);
    expect(isolated(result)).toBeGreaterThan(1);
    expect(result.activeMarkup).toBe(0);
    expect(result.overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);
});
