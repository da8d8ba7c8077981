import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';
import { loadConfig } from '../src/config/config';
import { startService } from '../src/main';
import { createLogger } from '../src/server/logger';

/**
 * A server for the bot benchmark, run as its own process so its memory can be read:
 * `core-group` (the product, local mode, SQLite, demo data) or `echo` (a bare botbuilder echo bot
 * on express, the baseline). Prints `READY <url>` when listening. `database`: a PostgreSQL URL or
 * a SQLite file already seeded; a fresh SQLite file otherwise.
 */
async function main(kind: string, database?: string): Promise<void> {
  if (kind === 'echo') {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }));
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text}`);
      await next();
    });
    const app = express();
    app.use(express.json());
    app.post('/api/messages', (request, response) => adapter.process(request, response, (context) => bot.run(context)));
    const server = app.listen(0, '127.0.0.1', () => process.stdout.write(`READY http://127.0.0.1:${(server.address() as { port: number }).port}/api/messages\n`));
    return;
  }
  const service = await startService(
    loadConfig({
      PORT: '0',
      GRAPH_SIMULATOR_PORT: '0',
      LOG_LEVEL: 'silent',
      ...(database?.startsWith('postgres') ? { DATABASE_URL: database } : { SQLITE_FILE: database ?? join(mkdtempSync(join(tmpdir(), 'coregroup-bench-')), 'bench.db') }),
    }),
    createLogger({ level: 'silent' }),
  );
  process.stdout.write(`READY ${service.url}/api/messages\n`);
}

void main(process.argv[2] ?? 'core-group', process.argv[3]);
