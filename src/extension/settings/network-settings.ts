import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { NetworkOptions } from '../../client';

/** A file listed in `tableau.caCertificates` could not be used; the message names the file and the setting. */
export class CaCertificateError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot use the CA certificate file '${path}' listed in the setting tableau.caCertificates: ${reason}. Fix the path or remove it from the setting.`);
    this.name = 'CaCertificateError';
  }
}

/** The settings that decide how requests reach a server; a change to any of them rebuilds the clients. */
export const NETWORK_SETTINGS = ['http.proxy', 'http.proxyStrictSSL', 'http.noProxy', 'tableau.caCertificates', 'tableau.requestTimeoutSeconds'] as const;

export interface NetworkChoices {
  /** The entry's own choice, made after a warning. */
  skipTlsVerification: boolean;
}

/**
 * Builds the client's network options from VS Code's proxy settings (falling back to the usual environment variables,
 * as VS Code does) and the extension's CA and timeout settings. The client gets its own proxy agent; the global
 * dispatcher that VS Code relies on is never touched.
 */
export async function networkOptions(choices: NetworkChoices): Promise<NetworkOptions & { proxyDisablesTlsCheck: boolean }> {
  const http = vscode.workspace.getConfiguration('http');
  const tableau = vscode.workspace.getConfiguration('tableau');
  const proxy = http.get<string>('proxy')?.trim() || process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy || undefined;
  const noProxySetting = http.get<string[]>('noProxy') ?? [];
  const noProxy = noProxySetting.length > 0 ? noProxySetting.join(',') : process.env.NO_PROXY || process.env.no_proxy || '';
  // VS Code's http.proxyStrictSSL=false means "do not verify certificates on proxied connections".
  const proxyDisablesTlsCheck = proxy !== undefined && http.get<boolean>('proxyStrictSSL', true) === false;
  const timeoutSeconds = tableau.get<number>('requestTimeoutSeconds', 30);
  return {
    ca: await readCaCertificates(tableau.get<string[]>('caCertificates', [])),
    rejectUnauthorized: !(choices.skipTlsVerification || proxyDisablesTlsCheck),
    proxy,
    noProxy,
    timeoutMs: timeoutSeconds > 0 ? Math.round(timeoutSeconds * 1000) : undefined,
    proxyDisablesTlsCheck,
  };
}

async function readCaCertificates(paths: readonly string[]): Promise<string[] | undefined> {
  if (paths.length === 0) return undefined;
  const pems: string[] = [];
  for (const raw of paths) {
    const path = expandHome(String(raw).trim());
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new CaCertificateError(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message);
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new CaCertificateError(path, 'it holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
    pems.push(text);
  }
  return pems;
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
}
