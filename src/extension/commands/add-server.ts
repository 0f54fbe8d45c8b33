import { describeError, type ErrorDescription, type FixField } from '../messages/describe-error';
import { checkSignIn } from '../servers/client-factory';
import { describeAuthKind, identityLabel, newServerId, secretLabel, type ServerEntry } from '../servers/server-entry';
import type { PickOption, Prompter } from '../ui/prompts';
import { ask, QUESTIONS, type Question, type ServerDraft } from './add-server-questions';
import type { CommandContext } from './command-context';

type FixAction = Question | 'skipTls' | 'retry' | 'cancel';

interface FixOption extends PickOption {
  action: FixAction;
}

/**
 * Add Server: asks URL, site, sign-in method, token name or user name, and secret; signs in before saving; on a
 * failure says what to fix and lets the person change just that answer. Escape anywhere saves nothing.
 * Resolves to the saved entry, or undefined when cancelled.
 */
export async function addServer(context: CommandContext): Promise<ServerEntry | undefined> {
  const prompter = context.prompts.prompter;
  const draft: ServerDraft = { skipTlsVerification: false };
  for (const question of QUESTIONS) if (!(await ask(question, draft, prompter))) return undefined;

  for (;;) {
    const candidate = entryFrom(draft, '');
    try {
      await prompter.withProgress(`Signing in to ${candidate.url}…`, () => checkSignIn(candidate, draft.secret ?? '', context.client));
      break;
    } catch (error) {
      const described = describeError(error, candidate);
      context.log.warn(`Add Server: signing in to ${candidate.url} failed: ${described.message}`);
      const action = await askWhatToFix(described, draft, prompter);
      if (!action || action === 'cancel') return undefined;
      if (action === 'retry') continue;
      if (action === 'skipTls') {
        if (await confirmSkipTls(candidate.url, prompter)) draft.skipTlsVerification = true;
        continue;
      }
      if (!(await ask(action, draft, prompter))) return undefined;
      // Another sign-in method names its identity and secret differently: ask both again.
      if (action === 'authKind' && !((await ask('identity', draft, prompter)) && (await ask('secret', draft, prompter)))) return undefined;
    }
  }

  const label = await prompter.input({
    id: 'addServer.label',
    title: 'Add Tableau Server: signed in',
    prompt: 'A name for this server in the Tableau view',
    value: defaultLabel(draft),
    validate: (text) => (text.trim() ? undefined : 'Enter a name.'),
  });
  if (label === undefined) return undefined;
  const entry = entryFrom(draft, label.trim());
  await context.registry.add(entry, draft.secret ?? '');
  context.log.info(`Added the server '${entry.label}' (${entry.url}, ${describeAuthKind(entry.authKind)}).`);
  const node = context.tree.serverNode(entry.id);
  if (node) await context.treeView.reveal(node, { select: true, focus: true });
  return entry;
}

function entryFrom(draft: ServerDraft, label: string): ServerEntry {
  return {
    id: newServerId(),
    label,
    url: draft.url ?? '',
    siteContentUrl: draft.siteContentUrl ?? '',
    authKind: draft.authKind ?? 'token',
    identity: draft.identity ?? '',
    skipTlsVerification: draft.skipTlsVerification,
  };
}

function defaultLabel(draft: ServerDraft): string {
  let host = draft.url ?? '';
  try {
    host = new URL(host).host;
  } catch {
    // keep the URL as typed
  }
  return draft.siteContentUrl ? `${host} (${draft.siteContentUrl})` : host;
}

async function askWhatToFix(described: ErrorDescription, draft: ServerDraft, prompter: Prompter): Promise<FixAction | undefined> {
  const kind = draft.authKind ?? 'token';
  const options: FixOption[] = [
    { action: 'url', label: 'Edit server URL', description: draft.url },
    { action: 'site', label: 'Edit site content URL', description: draft.siteContentUrl || '(Default site)' },
    { action: 'authKind', label: 'Change sign-in method', description: describeAuthKind(kind) },
    { action: 'identity', label: `Edit ${identityLabel(kind)}`, description: draft.identity },
    { action: 'secret', label: `Edit ${secretLabel(kind)}` },
  ];
  if (described.field === 'certificate' && !draft.skipTlsVerification) {
    options.push({ action: 'skipTls', label: 'Skip certificate verification for this server', description: 'not recommended' });
  }
  options.push({ action: 'retry', label: 'Try again', description: 'with the same answers' }, { action: 'cancel', label: 'Cancel', description: 'save nothing' });
  const suggested = suggestedAction(described.field);
  const index = options.findIndex((option) => option.action === suggested);
  if (index > 0) {
    const [first] = options.splice(index, 1);
    options.unshift({ ...first, detail: 'Most likely the one to change.' });
  }
  // The quick pick's title wraps, so the whole reason stays readable while the person picks what to change.
  const choice = await prompter.pick({ id: 'addServer.fix', title: `Sign-in failed: ${described.message}`, placeHolder: 'Choose what to change', items: options });
  return choice?.action;
}

function suggestedAction(field: FixField | undefined): FixAction | undefined {
  if (field === 'certificate') return 'skipTls';
  return field;
}

async function confirmSkipTls(url: string, prompter: Prompter): Promise<boolean> {
  const answer = await prompter.message({
    id: 'addServer.skipTlsWarning',
    kind: 'warning',
    modal: true,
    message: `Skip certificate verification for ${url}?`,
    detail:
      'Anyone able to intercept the connection could then read your token secret or password and your data. ' +
      "Prefer adding your organisation's CA certificate to the setting tableau.caCertificates.",
    actions: ['Skip Verification'],
  });
  return answer === 'Skip Verification';
}
