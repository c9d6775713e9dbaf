/**
 * The `takt` command (ARCHITECTURE 5): `main(argv)` dispatches to one module per command and
 * turns every failure into a message on stderr and a non-zero exit code.
 */
import { BootstrapError } from '../main/bootstrap';
import { ConfigError } from '../main/config';
import { packageVersion } from '../main/paths';
import { UsageError } from './args';
import { processIo, type CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  start: { summary: 'the terminal app (browser mode where Electron is not available)', load: async () => (await import('./commands/start')).run },
  web: { summary: 'the terminal in browser mode', load: async () => (await import('./commands/web')).run },
  central: { summary: 'the central plan service', load: async () => (await import('./commands/central')).run },
  enrol: { summary: 'enrol this terminal with central', load: async () => (await import('./commands/enrol')).run },
  import: { summary: 'load a plant, orders or plan file into central', load: async () => (await import('./commands/import')).run },
  sim: { summary: 'a simulated scanner on a serial port', load: async () => (await import('./commands/sim')).run },
  decode: {
    summary: 'decode a GS1 scan or an instrument frame to JSON',
    load: async () => {
      const { run } = await import('./commands/decode');
      return (argv, io) => run(argv, io);
    },
  },
};

export const usage = (): string =>
  [
    'Usage: takt <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`),
    '',
    'Run `takt <command> --help` for the options of a command.',
    '',
  ].join('\n');

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`takt ${name}: ${e.message}\nRun \`takt ${name} --help\` for usage.\n`);
      return 2;
    }
    if (e instanceof BootstrapError || e instanceof ConfigError) {
      io.stderr.write(`takt ${name}: ${e.message}\n`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`takt ${name} failed: ${message}\n`);
    if (process.env.TAKT_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
