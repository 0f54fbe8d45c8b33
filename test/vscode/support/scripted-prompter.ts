// Answers the extension's prompts from a script, the way a person would at the keyboard, and records every prompt
// shown so that tests can check what the person was told. An unscripted prompt is answered with Escape.
import type { InputRequest, MessageRequest, PickOption, PickRequest, Prompter, PromptId } from '../../../src/extension/ui/prompts';

/** For a pick: the label (exact, or a RegExp) of the item to choose. For a message: the action to click. */
export type Answer = string | RegExp | undefined;

export interface ShownPrompt {
  id: PromptId;
  type: 'input' | 'pick' | 'message';
  /** Title, prompt and message text together, for assertions on what the person was told. */
  text: string;
  /** Pick item labels; message actions. */
  choices: string[];
  /** Input: the pre-filled value. */
  value?: string;
  /** Input: the validation message a typed answer got (the box then stays open for the next answer). */
  rejected: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly shown: ShownPrompt[] = [];
  private readonly answers = new Map<PromptId, Answer[]>();

  /** Queues answers for a prompt id, used in order each time that prompt is shown. */
  answer(id: PromptId, ...answers: Answer[]): this {
    this.answers.set(id, [...(this.answers.get(id) ?? []), ...answers]);
    return this;
  }

  /** Replaces the answers queued for a prompt id; with none, that prompt is answered with Escape. */
  set(id: PromptId, ...answers: Answer[]): this {
    this.answers.set(id, answers);
    return this;
  }

  /** The prompts shown with this id, in order. */
  find(id: PromptId): ShownPrompt[] {
    return this.shown.filter((prompt) => prompt.id === id);
  }

  /** Answers scripted but never asked for: a sign the flow took another path than the test expected. */
  unused(): string[] {
    return [...this.answers].filter(([, queue]) => queue.length > 0).map(([id, queue]) => `${id}: ${queue.map(String).join(', ')}`);
  }

  async input(request: InputRequest): Promise<string | undefined> {
    const shown: ShownPrompt = { id: request.id, type: 'input', text: `${request.title}\n${request.prompt}`, choices: [], value: request.value, rejected: [] };
    this.shown.push(shown);
    for (;;) {
      const answer = this.next(request.id);
      if (answer === undefined) return undefined;
      const text = String(answer);
      const problem = request.validate?.(text);
      if (!problem) return text;
      shown.rejected.push(problem);
    }
  }

  async pick<T extends PickOption>(request: PickRequest<T>): Promise<T | undefined> {
    const labels = request.items.map((item) => item.label);
    this.shown.push({ id: request.id, type: 'pick', text: `${request.title}\n${request.placeHolder}`, choices: labels, rejected: [] });
    const answer = this.next(request.id);
    if (answer === undefined) return undefined;
    const item = request.items.find((candidate) => (typeof answer === 'string' ? candidate.label === answer : answer.test(candidate.label)));
    if (!item) throw new Error(`The quick pick '${request.id}' offers no item ${String(answer)}; it offers: ${labels.join(' | ')}`);
    return item;
  }

  async message(request: MessageRequest): Promise<string | undefined> {
    const actions = [...(request.actions ?? [])];
    this.shown.push({ id: request.id, type: 'message', text: `${request.message}\n${request.detail ?? ''}`, choices: actions, rejected: [] });
    const answer = this.next(request.id);
    if (answer === undefined) return undefined;
    const action = actions.find((candidate) => (typeof answer === 'string' ? candidate === answer : answer.test(candidate)));
    if (!action) throw new Error(`The message '${request.id}' offers no action ${String(answer)}; it offers: ${actions.join(' | ')}`);
    return action;
  }

  withProgress<T>(_title: string, task: () => Promise<T>): Promise<T> {
    return task();
  }

  private next(id: PromptId): Answer {
    return this.answers.get(id)?.shift();
  }
}
