import * as vscode from 'vscode';

/** Items requested per page of a tree list (`tableau.pageSize`), within what the REST API accepts. */
export function pageSize(): number {
  const value = vscode.workspace.getConfiguration('tableau').get<number>('pageSize', 100);
  return Math.min(1000, Math.max(1, Math.floor(Number.isFinite(value) ? value : 100)));
}

/** `tableau.sandbox.autoStart`: start the sandbox when the extension activates (used by `npm run demo`). */
export function sandboxAutoStart(): boolean {
  return vscode.workspace.getConfiguration('tableau').get<boolean>('sandbox.autoStart', false);
}
