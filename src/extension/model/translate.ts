// Pure modules take a translator so they stay free of `vscode`: the host passes vscode.l10n.t, tests pass
// formatMessage (the same "{0}" placeholder rules, no translation).
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
