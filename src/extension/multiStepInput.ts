// A small multi-step QuickInput runner, written fresh: every widget settles its promise exactly once —
// on accept, on the Back button, or on hide (Escape, focus loss) — so cancelling never leaves a dangling
// await (unlike the quickinput sample's shouldResume).
import * as vscode from 'vscode';

/**
 * 'back' carries what was typed (input boxes), so coming forward again shows it instead of an empty box; 'button'
 * names a step's own title-bar button (e.g. Change Folder) and carries the draft too.
 */
export type Outcome<T> = { kind: 'accept'; value: T } | { kind: 'back'; draft?: string } | { kind: 'cancel' }
  | { kind: 'button'; id: string; draft?: string };

export interface StepContext { title: string; step: number; totalSteps: number; canGoBack: boolean }

/** A title-bar button of one step; pressing it settles the step with { kind: 'button', id }. */
export interface StepButton { id: string; button: vscode.QuickInputButton }

/** A step returns where to go next; 'repeat' shows the same step again (e.g. after declining "Replace?"). */
export type StepResult = 'next' | 'back' | 'cancel' | 'repeat';
export type Step = (ctx: StepContext) => Promise<StepResult>;

/**
 * Runs steps in order with Back support; resolves true when the last step completes, false on cancel. The title is
 * asked for at every step: a step may change what it names (the target folder).
 */
export async function runSteps(title: () => string, steps: readonly Step[]): Promise<boolean> {
  let i = 0;
  while (i < steps.length) {
    const r = await steps[i]({ title: title(), step: i + 1, totalSteps: steps.length, canGoBack: i > 0 });
    if (r === 'cancel') return false;
    if (r === 'back') i = Math.max(0, i - 1);
    else if (r === 'next') i++;
  }
  return true;
}

function settleOnce<T>(): { promise: Promise<Outcome<T>>; settle: (o: Outcome<T>) => void; settled: () => boolean } {
  let done = false;
  let resolve!: (o: Outcome<T>) => void;
  const promise = new Promise<Outcome<T>>((r) => { resolve = r; });
  return { promise, settle: (o) => { if (!done) { done = true; resolve(o); } }, settled: () => done };
}

export interface PickOptions<I extends vscode.QuickPickItem> {
  placeholder?: string;
  items: readonly I[];
  activeItem?: I;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** Recompute items as the user types (dtype step offers typed text); message is shown under the box, whole. */
  onValue?: (value: string) => { items: readonly I[]; active?: I; message?: string };
  /**
   * What accepting means, from the item the quick pick reports (none when the filter hid every row) and the text
   * in the box: the item to settle with, or undefined to keep the picker open.
   */
  accept?: (item: I | undefined, value: string) => I | undefined;
}

/** QuickPick.prompt (a message under the box, never cut) exists in recent VS Code; the 1.74 typings lack it. */
type WithPrompt = { prompt?: string };

function hasPrompt(qp: vscode.QuickPick<vscode.QuickPickItem>): boolean { return 'prompt' in qp; }

/** Whether this VS Code shows a quick pick's message (else a step puts its sentence in a list row). */
export function canShowPickMessage(): boolean {
  const qp = vscode.window.createQuickPick();
  try { return hasPrompt(qp); } finally { qp.dispose(); }
}

export async function pick<I extends vscode.QuickPickItem>(ctx: StepContext, o: PickOptions<I>): Promise<Outcome<I>> {
  const qp = vscode.window.createQuickPick<I>();
  const s = settleOnce<I>();
  const disposables: vscode.Disposable[] = [qp];
  try {
    qp.title = ctx.title;
    qp.step = ctx.step;
    qp.totalSteps = ctx.totalSteps;
    qp.placeholder = o.placeholder;
    qp.ignoreFocusOut = false;
    qp.matchOnDescription = o.matchOnDescription ?? false;
    qp.matchOnDetail = o.matchOnDetail ?? false;
    qp.buttons = ctx.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    qp.items = o.items;
    if (o.activeItem) qp.activeItems = [o.activeItem];
    disposables.push(
      qp.onDidTriggerButton((b) => { if (b === vscode.QuickInputButtons.Back) s.settle({ kind: 'back' }); }),
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        const accepted = o.accept ? o.accept(item, qp.value) : item;
        if (accepted) s.settle({ kind: 'accept', value: accepted });
      }),
      qp.onDidHide(() => s.settle({ kind: 'cancel' })),
    );
    if (o.onValue) {
      const onValue = o.onValue;
      disposables.push(qp.onDidChangeValue((v) => {
        const next = onValue(v);
        qp.items = next.items;
        if (next.active) qp.activeItems = [next.active];
        if (hasPrompt(qp)) (qp as WithPrompt).prompt = next.message;
      }));
    }
    qp.show();
    return await s.promise;
  } finally {
    // Settled first, so the hide caused by dispose cannot change the outcome.
    for (const d of disposables.reverse()) d.dispose();
  }
}

export interface InputOptions {
  value: string;
  prompt: string;
  placeholder?: string;
  valueSelection?: [number, number];
  /** Title-bar buttons after Back. */
  buttons?: readonly StepButton[];
  /**
   * Runs on every change and on accept; ok=false blocks accepting. `confirm` asks once: the first Enter on that
   * value shows it instead of accepting, a second Enter on the same value accepts.
   */
  validate: (value: string) => { ok: boolean; message?: string | vscode.InputBoxValidationMessage; confirm?: vscode.InputBoxValidationMessage };
}

export async function input(ctx: StepContext, o: InputOptions): Promise<Outcome<string>> {
  const box = vscode.window.createInputBox();
  const s = settleOnce<string>();
  const disposables: vscode.Disposable[] = [box];
  try {
    box.title = ctx.title;
    box.step = ctx.step;
    box.totalSteps = ctx.totalSteps;
    box.value = o.value;
    if (o.valueSelection) box.valueSelection = o.valueSelection;
    box.prompt = o.prompt;
    box.placeholder = o.placeholder;
    box.ignoreFocusOut = false;
    const own = o.buttons ?? [];
    box.buttons = [...(ctx.canGoBack ? [vscode.QuickInputButtons.Back] : []), ...own.map((b) => b.button)];
    const check = (v: string) => { const r = o.validate(v); box.validationMessage = r.message; return r; };
    check(o.value);
    let confirmed: string | undefined;
    disposables.push(
      box.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) { s.settle({ kind: 'back', draft: box.value }); return; }
        const mine = own.find((x) => x.button === b);
        if (mine) s.settle({ kind: 'button', id: mine.id, draft: box.value });
      }),
      box.onDidChangeValue((v) => { check(v); }),
      box.onDidAccept(() => {
        const v = box.value;
        const r = check(v);
        if (!r.ok) return;
        if (r.confirm && confirmed !== v) { confirmed = v; box.validationMessage = r.confirm; return; }
        s.settle({ kind: 'accept', value: v });
      }),
      box.onDidHide(() => s.settle({ kind: 'cancel' })),
    );
    box.show();
    return await s.promise;
  } finally {
    for (const d of disposables.reverse()) d.dispose();
  }
}
