/**
 * The client logs through this interface; VS Code's LogOutputChannel satisfies it as is.
 * Every message passes through `redactSecrets` first, so a secret can never reach a log by accident.
 */
export interface Logger {
  trace?(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const secretAttributes = /\b(password|personalAccessTokenSecret|token|jwt|secret)(\s*=\s*)(["'])(.*?)\3/gi;
const authHeader = /\b(X-Tableau-Auth)(\s*[:=]\s*)([^\s,;"']+)/gi;

/** Masks passwords, token secrets and session tokens in any text destined for a log or an error message. */
export function redactSecrets(text: string): string {
  return text
    .replace(secretAttributes, (_m, name: string, eq: string, quote: string) => `${name}${eq}${quote}***${quote}`)
    .replace(authHeader, (_m, name: string, sep: string) => `${name}${sep}***`);
}

export function redactingLogger(inner: Logger): Logger {
  return {
    trace: (m) => (inner.trace ?? inner.debug).call(inner, redactSecrets(m)),
    debug: (m) => inner.debug(redactSecrets(m)),
    info: (m) => inner.info(redactSecrets(m)),
    warn: (m) => inner.warn(redactSecrets(m)),
    error: (m) => inner.error(redactSecrets(m)),
  };
}
