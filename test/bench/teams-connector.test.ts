import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { startBenchProcess } from '../../bench/harness';

describe("the fan-out benchmark's connector stand-in throttles as Teams does", () => {
  let connector: { child: ChildProcess; url: string };
  beforeAll(async () => {
    connector = await startBenchProcess('teams-connector.ts');
  });
  afterAll(() => connector.child.kill());

  const send = async (conversationId: string, tenantId: string, promptId = randomUUID()) => {
    const activity = { type: 'message', conversation: { id: conversationId, tenantId }, attachments: [{ content: { actions: [{ data: { promptId } }] } }] };
    const response = await fetch(`${connector.url}v3/conversations/${encodeURIComponent(conversationId)}/activities/continuation-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { id?: string }, promptId };
  };
  const records = async () => (await (await fetch(`${connector.url}records`)).json()) as { recorded: string[]; throttled: number };

  test('the eighth message to one chat within a second gets 429 with Retry-After, and only the seven are recorded', async () => {
    const answers = [];
    for (let index = 0; index < 8; index++) answers.push(await send('a:thread-test', 'tenant-a'));
    expect(answers.slice(0, 7).map((answer) => answer.status)).toEqual(Array(7).fill(200));
    expect(answers[0]!.body.id).toEqual(expect.any(String));
    expect(answers[7]).toMatchObject({ status: 429, retryAfter: '1' });
    const { recorded, throttled } = await records();
    expect(recorded).toEqual(answers.slice(0, 7).map((answer) => answer.promptId));
    expect(throttled).toBe(1);
  });

  test('the 51st message in a tenant within a second gets 429, while another tenant is still served', async () => {
    const statuses = [];
    for (let index = 0; index < 51; index++) statuses.push((await send(`a:tenant-test-${index}`, 'tenant-b')).status);
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill(200));
    expect(statuses[50]).toBe(429);
    expect((await send('a:other-tenant', 'tenant-c')).status).toBe(200);
  });

  test('the same card sent twice is recorded twice, so doubles show', async () => {
    const promptId = randomUUID();
    await send('a:double-test', 'tenant-d', promptId);
    await send('a:double-test', 'tenant-d', promptId);
    expect((await records()).recorded.filter((id) => id === promptId)).toHaveLength(2);
  });
});
