import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvFileError, loadEnvironment, parseEnvFile } from '../../scripts/app-package/env-file';
import { fillPlaceholders } from '../../scripts/app-package/placeholders';
import { scratchRepo } from './package-fixture';

describe('environment files', () => {
  test('read KEY=value lines with comments, quotes and empty values as the Toolkit writes them', () => {
    const text = ['# a comment', '', 'A=plain', 'B="quoted # not a comment"', "C='single'", 'D=value # trailing comment', 'E=', 'export F=exported'].join('\n');
    expect(parseEnvFile(text, 'env/.env.x')).toEqual({ A: 'plain', B: 'quoted # not a comment', C: 'single', D: 'value', E: '', F: 'exported' });
  });

  test('refuse a line that is not KEY=value, naming the file and line', () => {
    expect(() => parseEnvFile('A=1\nnot a setting', 'env/.env.x')).toThrow(new EnvFileError('env/.env.x:2: expected KEY=value, got "not a setting"'));
  });

  test('take the .user file over the main one, and the shell over both, for names the file declares', () => {
    const repo = scratchRepo({ TAB_DOMAIN: 'from-file.example.org', BOT_ID: 'from-file' });
    writeFileSync(join(repo.envDir, '.env.test.user'), 'BOT_ID=from-user-file\n');
    const values = loadEnvironment({ envDir: repo.envDir, envName: 'test', processEnv: { TAB_DOMAIN: 'from-shell.example.org', PATH: '/usr/bin' } });
    expect(values).toEqual({ TAB_DOMAIN: 'from-shell.example.org', BOT_ID: 'from-user-file' });
  });
});

describe('placeholders', () => {
  test('a value is inserted as JSON string content, so quotes in a setting cannot break the manifest', () => {
    const filled = fillPlaceholders({ template: '{"name": "${{DEVELOPER_NAME}}"}', values: { DEVELOPER_NAME: 'The "Best" Council \\ Children' }, source: 'test' });
    expect(JSON.parse(filled)).toEqual({ name: 'The "Best" Council \\ Children' });
  });
});
