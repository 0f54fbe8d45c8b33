import { identityLabel, secretLabel, type AuthKind } from '../servers/server-entry';
import type { Prompter } from '../ui/prompts';

/** The answers of the Add Server flow so far. The secret stays in memory only until it is saved to SecretStorage. */
export interface ServerDraft {
  url?: string;
  siteContentUrl?: string;
  authKind?: AuthKind;
  identity?: string;
  secret?: string;
  skipTlsVerification: boolean;
}

export type Question = 'url' | 'site' | 'authKind' | 'identity' | 'secret';
export const QUESTIONS: readonly Question[] = ['url', 'site', 'authKind', 'identity', 'secret'];

const TITLE = 'Add Tableau Server';

/** Asks one question, pre-filled with the previous answer; false when the person pressed Escape. */
export async function ask(question: Question, draft: ServerDraft, prompter: Prompter): Promise<boolean> {
  switch (question) {
    case 'url':
      return askUrl(draft, prompter);
    case 'site': {
      const site = await prompter.input({
        id: 'addServer.site',
        title: `${TITLE} (2/5)`,
        prompt: 'Site content URL: the part after /site/ in the browser address. Leave empty for the Default site (Tableau Cloud always has one).',
        placeHolder: 'e.g. marketing — empty for the Default site',
        value: draft.siteContentUrl ?? '',
        validate: (value) => (/[\s/#?]/.test(value.trim()) ? 'A site content URL has no spaces, slashes, # or ?: write just the name after /site/.' : undefined),
      });
      if (site === undefined) return false;
      draft.siteContentUrl = site.trim();
      return true;
    }
    case 'authKind': {
      const choice = await prompter.pick({
        id: 'addServer.authKind',
        title: `${TITLE} (3/5)`,
        placeHolder: 'How do you sign in?',
        items: [
          { label: 'Personal access token', description: 'recommended', detail: 'The only sign-in Tableau Cloud accepts. Create one under My Account Settings.', kind: 'token' as const },
          { label: 'User name and password', description: 'Tableau Server only', detail: 'Not accepted by Tableau Cloud.', kind: 'password' as const },
        ],
      });
      if (!choice) return false;
      draft.authKind = choice.kind;
      return true;
    }
    case 'identity': {
      const kind = draft.authKind ?? 'token';
      const value = await prompter.input({
        id: kind === 'token' ? 'addServer.tokenName' : 'addServer.username',
        title: `${TITLE} (4/5)`,
        prompt: kind === 'token' ? 'Personal access token name' : 'User name',
        value: draft.identity ?? '',
        validate: (text) => (text.trim() ? undefined : `Enter the ${identityLabel(kind)}.`),
      });
      if (value === undefined) return false;
      draft.identity = value.trim();
      return true;
    }
    case 'secret': {
      const kind = draft.authKind ?? 'token';
      const value = await prompter.input({
        id: 'addServer.secret',
        title: `${TITLE} (5/5)`,
        prompt: `${kind === 'token' ? 'Personal access token secret' : 'Password'} — stored in VS Code's secret storage, nowhere else.`,
        password: true,
        validate: (text) => (text ? undefined : `Enter the ${secretLabel(kind)}.`),
      });
      if (value === undefined) return false;
      draft.secret = value;
      return true;
    }
  }
}

async function askUrl(draft: ServerDraft, prompter: Prompter): Promise<boolean> {
  for (;;) {
    const text = await prompter.input({
      id: 'addServer.url',
      title: `${TITLE} (1/5)`,
      prompt: 'Server URL: the address of Tableau Server or your Tableau Cloud pod.',
      placeHolder: 'https://tableau.example.com or https://prod-useast-a.online.tableau.com',
      value: draft.url ?? '',
      validate: (value) => parseServerUrl(value).error,
    });
    if (text === undefined) return false;
    const parsed = parseServerUrl(text);
    if (!parsed.url) continue;
    if (parsed.url.startsWith('http://')) {
      const go = await prompter.message({
        id: 'addServer.httpWarning',
        kind: 'warning',
        modal: true,
        message: `${parsed.url} uses http://: the token secret or password and every session token would cross the network unencrypted.`,
        detail: 'Use https:// unless this server is on your own machine or a network you trust.',
        actions: ['Use http:// Anyway'],
      });
      if (go !== 'Use http:// Anyway') {
        draft.url = parsed.url.replace(/^http:/, 'https:');
        continue;
      }
    }
    draft.url = parsed.url;
    // A URL copied from the browser names its site: offer it as the answer to the next question.
    if (parsed.site !== undefined && draft.siteContentUrl === undefined) draft.siteContentUrl = parsed.site;
    return true;
  }
}

export interface ParsedServerUrl {
  url?: string;
  site?: string;
  error?: string;
}

/** Accepts the server root or any address copied from the browser (…/#/site/marketing/home); https:// expected. */
export function parseServerUrl(text: string): ParsedServerUrl {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Enter the server URL, for example https://tableau.example.com.' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return { error: `Start with https:// — for example https://${trimmed}.` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { error: 'This is not a valid URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'Use an https:// address.' };
  if (!url.hostname) return { error: 'The URL has no host name.' };
  if (url.username || url.password) return { error: 'Leave credentials out of the URL; the next steps ask for them.' };
  const site = /^#\/site\/([^/?#]+)/.exec(url.hash)?.[1];
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.origin}${path}`, site: site === undefined ? undefined : decodeURIComponent(site) };
}
