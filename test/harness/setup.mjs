#!/usr/bin/env node
// Installs what the real-VS-Code tests and the demo need, and nothing when it is all there already:
// code-server (a real VS Code: server, web workbench, Node extension host) in its own prefix under .vscode-test/,
// and Debian's Chromium to drive it. Plain Node on purpose: it runs before anything is built.
// Usage: node test/harness/setup.mjs [--check]   (--check: report what is missing, install nothing, exit 1 if any)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose postinstall downloads this archive from GitHub
// unless it is already in its cache (os.tmpdir()/vscode-ripgrep-cache-<version>/).
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const codeServerPrefix = join(root, '.vscode-test', 'code-server');
export const codeServerBin = join(codeServerPrefix, 'node_modules', '.bin', 'code-server');
const installedMarker = join(codeServerPrefix, `.installed-${CODE_SERVER_VERSION}`);

// Keep in step with test/harness/paths.ts, which the TypeScript harness uses to find the browser.
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

function codeServerInstalled() {
  return existsSync(installedMarker) && existsSync(codeServerBin);
}

/** Debian packages still missing, each for a reason a person can read. */
function missingAptPackages() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && !existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist.`);
  const missing = [];
  if (!findChromium()) missing.push(['chromium', 'the browser that drives code-server']);
  if (!codeServerInstalled()) {
    if (!existsSync('/usr/bin/rg')) missing.push(['ripgrep', "seeds @vscode/ripgrep's download cache"]);
    if (!existsSync('/usr/include/krb5.h')) missing.push(['libkrb5-dev', "headers for code-server's kerberos module"]);
    if (!existsSync('/usr/bin/g++') || !existsSync('/usr/bin/make')) missing.push(['build-essential', 'compiles native modules']);
  }
  return missing;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function installAptPackages(missing) {
  const names = missing.map(([name]) => name);
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${names.join(', ')}. Install them as root: sudo apt-get install -y ${names.join(' ')}`);
  }
  console.log(`setup: installing Debian packages: ${missing.map(([name, why]) => `${name} (${why})`).join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) throw new Error('apt-get update failed; see its output above.');
  if (run('apt-get', ['install', '-y', '-qq', ...names], { env }) !== 0) {
    throw new Error(`apt-get install ${names.join(' ')} failed; see its output above.`);
  }
}

function installCodeServer() {
  const started = Date.now();
  const tmp = join(root, '.vscode-test', 'tmp');
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(cache, { recursive: true });
  mkdirSync(codeServerPrefix, { recursive: true });
  // The prefix gets its own package.json so that npm treats it as a project of its own, never as part of ours.
  const prefixManifest = join(codeServerPrefix, 'package.json');
  if (!existsSync(prefixManifest)) writeFileSync(prefixManifest, JSON.stringify({ name: 'code-server-prefix', private: true }, null, 2));
  if (run('tar', ['czf', join(cache, RIPGREP_ARCHIVE), '-C', '/usr/bin', 'rg']) !== 0) {
    throw new Error('Could not pack /usr/bin/rg into the ripgrep cache.');
  }

  const logPath = join(root, '.vscode-test', 'setup-npm.log');
  console.log(`setup: installing code-server ${CODE_SERVER_VERSION} into ${codeServerPrefix} (about a minute; log: ${logPath})`);
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // node-pty's postinstall runs `npx node-gyp`; an npmrc with yes=false would make it wait for an answer.
    npm_config_yes: 'true',
  };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const result = spawnSync(
    'npm',
    ['install', '--prefix', codeServerPrefix, '--unsafe-perm', '--no-audit', '--no-fund', '--save=false', `code-server@${CODE_SERVER_VERSION}`],
    { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(logPath, `${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (result.error) throw result.error;
  if (result.status !== 0 || !existsSync(codeServerBin)) {
    const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}). Last lines:\n${tail}\nFull log: ${logPath}`);
  }
  writeFileSync(installedMarker, `${new Date().toISOString()}\n`);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`setup: code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(codeServerPrefix, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

export function ensureSetup({ checkOnly = false } = {}) {
  const missingApt = missingAptPackages();
  const needCodeServer = !codeServerInstalled();
  if (missingApt.length === 0 && !needCodeServer) return true;
  if (checkOnly) {
    for (const [name, why] of missingApt) console.log(`setup: missing Debian package ${name} (${why})`);
    if (needCodeServer) console.log(`setup: missing code-server ${CODE_SERVER_VERSION} in ${codeServerPrefix}`);
    return false;
  }
  if (missingApt.length > 0) installAptPackages(missingApt);
  if (needCodeServer) {
    const stale = installedVersion();
    if (stale && stale !== CODE_SERVER_VERSION) console.log(`setup: replacing code-server ${stale} with ${CODE_SERVER_VERSION}`);
    installCodeServer();
  }
  if (!findChromium()) throw new Error('No Chromium or Chrome found after installing Debian\'s chromium; set CHROMIUM_PATH to a Chromium binary.');
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const checkOnly = process.argv.includes('--check');
  try {
    const ready = ensureSetup({ checkOnly });
    if (!ready) process.exit(1);
    console.log(`setup: ready (code-server ${CODE_SERVER_VERSION} in .vscode-test/code-server, browser ${findChromium()})`);
  } catch (error) {
    console.error(`setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
