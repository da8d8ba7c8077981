import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AppPackageInvalidError, buildAppPackage, fillAndCheck } from './app-package';
import { EnvFileError } from './env-file';
import { drawColorIcon, drawOutlineIcon, encodePng } from './icons.drawing';
import { UnfilledPlaceholderError } from './placeholders';

/** Where a command writes and which environment it reads: the real process, or a test's. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The repository root: appPackage/ and env/ are found under it. */
  readonly root: string;
}

/** Thrown for a command line that cannot be read; the CLI exits 2 with its message. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[], usage: string): { envName: string } {
  let envName = 'dev';
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--env') {
      const value = argv[index + 1];
      if (!value || value.startsWith('--')) throw new UsageError(`--env needs an environment name. Usage: ${usage}`);
      envName = value;
      index += 1;
    } else if (arg.startsWith('--env=')) envName = arg.slice('--env='.length);
    else throw new UsageError(`unknown argument "${arg}". Usage: ${usage}`);
  }
  return { envName };
}

/** Runs a command body, turning the errors people can fix into one clear message and an exit code. */
async function run(io: CliIo, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof AppPackageInvalidError || error instanceof UnfilledPlaceholderError || error instanceof EnvFileError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

/**
 * `npm run package -- --env <name>` (default `dev`): fills appPackage/manifest.json from
 * env/.env.<name>, checks it, and writes appPackage/build/appPackage.<name>.zip.
 */
export function packageCommand(argv: readonly string[], io: CliIo): Promise<number> {
  return run(io, async () => {
    const { envName } = parseArgs(argv, 'npm run package -- [--env <name>]');
    const built = await buildAppPackage({
      appPackageDir: join(io.root, 'appPackage'),
      envDir: join(io.root, 'env'),
      envName,
      processEnv: io.env,
      outDir: join(io.root, 'appPackage', 'build'),
    });
    io.out(`app package for "${envName}": ${relative(io.root, built.zipPath)} (filled manifest: ${relative(io.root, built.manifestPath)})`);
  });
}

/**
 * `npm run validate -- --env <name>` (default `dev`): the same fill and every check, offline,
 * without writing anything. Exits 1 and lists each problem when there is one.
 */
export function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  return run(io, async () => {
    const { envName } = parseArgs(argv, 'npm run validate -- [--env <name>]');
    const filled = await fillAndCheck({ appPackageDir: join(io.root, 'appPackage'), envDir: join(io.root, 'env'), envName, processEnv: io.env });
    if (filled.problems.length > 0) throw new AppPackageInvalidError(filled.problems);
    io.out(`appPackage/manifest.json with env/.env.${envName}: valid (schema ${JSON.parse(filled.manifestText).manifestVersion}, icons, domains, single sign-on, commands)`);
  });
}

/** The sizes of the Outlook add-in's ribbon icons (16, 32 and 80 px), served with the tab from tab/public/icons. */
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;

/** `npm run icons`: redraws appPackage/color.png and outline.png, and the ribbon icons, from scripts/app-package/icons.drawing.ts. */
export function iconsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  return run(io, async () => {
    if (argv.length > 0) throw new UsageError(`unknown argument "${argv[0]}". Usage: npm run icons`);
    writeFileSync(join(io.root, 'appPackage', 'color.png'), encodePng(drawColorIcon()));
    writeFileSync(join(io.root, 'appPackage', 'outline.png'), encodePng(drawOutlineIcon()));
    mkdirSync(join(io.root, 'tab', 'public', 'icons'), { recursive: true });
    for (const size of RIBBON_ICON_SIZES) writeFileSync(join(io.root, 'tab', 'public', 'icons', `ribbon-${size}.png`), encodePng(drawColorIcon(size)));
    io.out(`wrote appPackage/color.png (192×192), appPackage/outline.png (32×32) and tab/public/icons/ribbon-{${RIBBON_ICON_SIZES.join(',')}}.png`);
  });
}

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = { package: packageCommand, validate: validateCommand, icons: iconsCommand };

if (require.main === module) {
  const [name = '', ...argv] = process.argv.slice(2);
  const command = COMMANDS[name];
  const io: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`), env: process.env, root: resolve(__dirname, '..', '..') };
  if (!command) {
    io.err(`app-package: unknown command "${name}" (package, validate or icons)`);
    process.exitCode = 2;
  } else {
    command(argv, io).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        io.err(`app-package: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exitCode = 1;
      },
    );
  }
}
