import type { Sandbox, SandboxOptions } from './options';

/**
 * `node dist/sandbox.js [--port 8080] [--host 127.0.0.1] [--seed demo|empty] [--token-ttl seconds]
 *  [--latency-ms n] [--username u] [--password p] [--token-name n] [--token-secret s] [--json] [--quiet]`
 */

interface CliArgs {
  options: SandboxOptions;
  json: boolean;
  quiet: boolean;
  help: boolean;
}

const USAGE = `Tableau REST sandbox: a local, stateful Tableau Server REST API.

Usage: node dist/sandbox.js [options]
  --port <n>            port to listen on (default: a free port)
  --host <h>            interface to listen on (default 127.0.0.1)
  --seed <demo|empty>   initial data (default demo)
  --token-ttl <s>       credentials token lifetime in seconds (default 14400)
  --latency-ms <n>      delay added to every API response
  --username/--password/--token-name/--token-secret   fix the administrator's credentials
  --json                print one JSON line {url, credentials} instead of the friendly text
  --quiet               do not log requests
  --help                show this help`;

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { options: {}, json: false, quiet: false, help: false };
  const credentials: NonNullable<SandboxOptions['credentials']> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value. Run with --help for usage.`);
      i += 1;
      return next;
    };
    const integer = (): number => {
      const text = value();
      if (!/^\d+$/.test(text)) throw new Error(`${flag} needs a non-negative integer, got '${text}'.`);
      return Number(text);
    };
    switch (flag) {
      case '--port': args.options.port = integer(); break;
      case '--host': args.options.host = value(); break;
      case '--seed': {
        const seed = value();
        if (seed !== 'demo' && seed !== 'empty') throw new Error(`--seed must be demo or empty, got '${seed}'.`);
        args.options.seed = seed;
        break;
      }
      case '--token-ttl': args.options.tokenTtlSeconds = integer(); break;
      case '--latency-ms': args.options.latencyMs = integer(); break;
      case '--username': credentials.username = value(); break;
      case '--password': credentials.password = value(); break;
      case '--token-name': credentials.tokenName = value(); break;
      case '--token-secret': credentials.tokenSecret = value(); break;
      case '--json': args.json = true; break;
      case '--quiet': args.quiet = true; break;
      case '--help': case '-h': args.help = true; break;
      default: throw new Error(`Unknown option '${flag}'. Run with --help for usage.`);
    }
  }
  args.options.credentials = credentials;
  return args;
}

function friendly(sandbox: Sandbox): string {
  const c = sandbox.credentials;
  const sites = [...sandbox.state.sites.values()].map((site) => (site.contentUrl === '' ? "Default ('')" : site.contentUrl));
  return [
    `Tableau REST sandbox running at ${sandbox.url}`,
    '',
    `  Server URL        ${sandbox.url}`,
    `  Sites             ${sites.join(', ')}`,
    `  User name         ${c.username}   (server administrator)`,
    `  Password          ${c.password}`,
    `  PAT name          ${c.tokenName}`,
    `  PAT secret        ${c.tokenSecret}`,
    '',
    `  Try: curl ${sandbox.url}/api/3.29/serverinfo`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], start: (options: SandboxOptions) => Promise<Sandbox>): Promise<void> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // With --json, stdout carries only the one machine-readable line; logs go to stderr.
  const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
  const sandbox = await start({ ...args.options, logger: args.quiet ? undefined : log });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!args.quiet) log(`received ${signal}, stopping`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`failed to stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  // Handlers first: whoever reads the printed URL may signal us right away.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (args.json) process.stdout.write(`${JSON.stringify({ url: sandbox.url, credentials: sandbox.credentials })}\n`);
  else process.stdout.write(friendly(sandbox));
}
