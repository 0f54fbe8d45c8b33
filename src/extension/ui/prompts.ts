/**
 * Every question and message the extension puts to a person goes through this one small interface, so that the
 * in-host tests can answer prompts with a script instead of a keyboard. Each prompt carries a stable `id`
 * (e.g. 'addServer.url') that a script keys its answers on.
 */

export type PromptId =
  | 'addServer.url'
  | 'addServer.httpWarning'
  | 'addServer.site'
  | 'addServer.authKind'
  | 'addServer.tokenName'
  | 'addServer.username'
  | 'addServer.secret'
  | 'addServer.fix'
  | 'addServer.skipTlsWarning'
  | 'addServer.label'
  | 'editSecret.secret'
  | 'editSecret.failed'
  | 'removeServer.confirm'
  | 'find.server'
  | 'find.name'
  | 'find.result'
  | 'find.none'
  | 'sandbox.notRunning'
  | 'command.error';

export interface InputRequest {
  id: PromptId;
  title: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  password?: boolean;
  /** Returns the reason a value is not acceptable, or undefined when it is. */
  validate?: (value: string) => string | undefined;
}

export interface PickOption {
  label: string;
  description?: string;
  detail?: string;
}

export interface PickRequest<T extends PickOption> {
  id: PromptId;
  title: string;
  placeHolder: string;
  items: readonly T[];
}

export type MessageKind = 'info' | 'warning' | 'error';

export interface MessageRequest {
  id: PromptId;
  kind: MessageKind;
  message: string;
  detail?: string;
  /** A modal dialog waits for an answer; use it only where a decision must be made before going on. */
  modal?: boolean;
  actions?: readonly string[];
}

export interface Prompter {
  /** Resolves to undefined when the person presses Escape. */
  input(request: InputRequest): Promise<string | undefined>;
  pick<T extends PickOption>(request: PickRequest<T>): Promise<T | undefined>;
  /** Resolves to the chosen action, or undefined when dismissed. */
  message(request: MessageRequest): Promise<string | undefined>;
  /** Runs a task with a progress notification. */
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
}

/** Holds the prompter in use; tests swap in a scripted one and restore the real one when done. */
export class PromptHost {
  private current: Prompter;

  constructor(private readonly real: Prompter) {
    this.current = real;
  }

  get prompter(): Prompter {
    return this.current;
  }

  /** Uses `prompter` until the returned function is called. */
  use(prompter: Prompter): () => void {
    this.current = prompter;
    return () => {
      if (this.current === prompter) this.current = this.real;
    };
  }
}
