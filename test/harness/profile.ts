// A code-server profile: its own user data, extensions, XDG dirs (else code-server writes into ~/.config and
// ~/.local) and workspace folder. Tests get a fresh temporary one per run; the demo keeps one under .vscode-test/demo/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  xdgDir: string;
  workspace: string;
}

export function profileAt(root: string): Profile {
  const profile: Profile = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    xdgDir: join(root, 'xdg'),
    workspace: join(root, 'workspace'),
  };
  for (const dir of [profile.userDataDir, profile.extensionsDir, profile.xdgDir, profile.workspace]) mkdirSync(dir, { recursive: true });
  return profile;
}

export function createTempProfile(purpose: string): Profile {
  return profileAt(mkdtempSync(join(tmpdir(), `tableau-vscode-${purpose}-`)));
}

export function removeProfile(profile: Profile): void {
  rmSync(profile.root, { recursive: true, force: true });
}

/** Settings that keep welcome pages, tips, telemetry and update checks from covering or slowing the UI. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  // The demo's workspace sits inside this repository; without this, Git asks whether to open the parent repository.
  'git.openRepositoryInParentFolders': 'never',
};

/** Writes the user settings: QUIET_SETTINGS, then `extra`, over whatever the file already holds (kept when it parses). */
export function seedUserSettings(profile: Profile, extra: Record<string, unknown> = {}): void {
  const dir = join(profile.userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'settings.json');
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  } catch {
    // Absent or hand-edited with comments: start from the defaults below.
  }
  writeFileSync(file, `${JSON.stringify({ ...existing, ...QUIET_SETTINGS, ...extra }, null, 2)}\n`);
}
