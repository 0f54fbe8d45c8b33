import * as vscode from 'vscode';
import type { InputRequest, MessageRequest, PickOption, PickRequest, Prompter } from './prompts';

/** The real prompter: VS Code's input boxes, quick picks, notifications and dialogs. */
export class VsCodePrompter implements Prompter {
  input(request: InputRequest): Promise<string | undefined> {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: request.title,
        prompt: request.prompt,
        value: request.value,
        placeHolder: request.placeHolder,
        password: request.password,
        ignoreFocusOut: true,
        validateInput: request.validate ? (value) => request.validate?.(value) ?? null : undefined,
      }),
    );
  }

  pick<T extends PickOption>(request: PickRequest<T>): Promise<T | undefined> {
    return Promise.resolve(
      vscode.window.showQuickPick([...request.items], { title: request.title, placeHolder: request.placeHolder, ignoreFocusOut: true, matchOnDescription: true }),
    );
  }

  message(request: MessageRequest): Promise<string | undefined> {
    const options: vscode.MessageOptions = { modal: request.modal ?? false, detail: request.detail };
    const actions = [...(request.actions ?? [])];
    const show =
      request.kind === 'error' ? vscode.window.showErrorMessage : request.kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(request.message, options, ...actions));
  }

  withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }
}
