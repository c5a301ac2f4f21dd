// Recently used dtypes, kept in globalState so they follow the user across workspaces.
import * as vscode from 'vscode';
import { updateMru } from './model/dtypeItems';

const KEY = 'zeroedNpy.recentDtypes';

export class DtypeMru {
  constructor(private readonly state: vscode.Memento) {}

  get(): string[] {
    const v = this.state.get<unknown>(KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  async add(key: string): Promise<void> {
    await this.state.update(KEY, updateMru(this.get(), key));
  }
}
