import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SelfSignedCert {
  key: string;
  cert: string;
  /** PEM file of the certificate, usable as the CA that trusts it. */
  caPath: string;
  dir: string;
  cleanup(): Promise<void>;
}

/**
 * A throwaway certificate for localhost / 127.0.0.1 / ::1, made with the `openssl` CLI in a temp dir.
 * Callers should `cleanup()` when done.
 */
export async function makeSelfSignedCert(): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
  ]);
  return {
    key: await readFile(keyPath, 'utf8'),
    cert: await readFile(certPath, 'utf8'),
    caPath: certPath,
    dir,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** True when the openssl CLI can be run here. */
export async function opensslAvailable(): Promise<boolean> {
  try {
    await run('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
}
