import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Tableau', { log: true });
  context.subscriptions.push(log);
  log.info('Tableau extension activated.');
}

export function deactivate(): void {}
