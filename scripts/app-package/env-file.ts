import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when an environment file is missing or a line in it cannot be read. */
export class EnvFileError extends Error {
  readonly code = 'env-file-invalid' as const;
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/**
 * Reads a dotenv-style file as the Microsoft 365 Agents Toolkit writes them: `KEY=value` lines,
 * `#` comments, optional single or double quotes. An unquoted value ends at ` #`. Any other line
 * is an error naming the file and line, so a typo never silently drops a setting.
 */
export function parseEnvFile(text: string, fileName: string): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new EnvFileError(`${fileName}:${index + 1}: expected KEY=value, got "${line}"`);
    const [, key, rawValue] = match as unknown as [string, string, string];
    values[key] = unquote(rawValue.trim());
  });
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) return value.slice(1, value.lastIndexOf(quote));
  const comment = value.search(/\s#/);
  return (comment === -1 ? value : value.slice(0, comment)).trim();
}

/**
 * The settings of one environment (`dev`, `prod`…): `env/.env.<name>`, then the git-ignored
 * `env/.env.<name>.user` (secrets, local overrides), then the process environment for the same
 * keys, so CI can supply a value without writing a file. The first file must exist.
 */
export function loadEnvironment(options: { envDir: string; envName: string; processEnv?: Readonly<Record<string, string | undefined>> }): Record<string, string> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(options.envName)) throw new EnvFileError(`"${options.envName}" is not an environment name (letters, digits and dashes)`);
  const main = join(options.envDir, `.env.${options.envName}`);
  if (!existsSync(main)) throw new EnvFileError(`${main} does not exist: create it from env/.env.dev or pass another --env`);
  const values = parseEnvFile(readFileSync(main, 'utf8'), main);
  const user = `${main}.user`;
  if (existsSync(user)) Object.assign(values, parseEnvFile(readFileSync(user, 'utf8'), user));
  for (const [key, value] of Object.entries(options.processEnv ?? {})) {
    if (key in values && value !== undefined && value !== '') values[key] = value;
  }
  return values;
}
