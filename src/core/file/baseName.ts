// A file's name from its path. Names are names: on Linux and macOS "back\slash.npy" is one file name, so only
// Windows treats a backslash as a folder separator. URI paths use "/" on every platform.

/** The last segment of a file-system path as the platform reads it. */
export function fileBaseName(fsPath: string, platform: string = process.platform): string {
  const parts = fsPath.split(platform === 'win32' ? /[/\\]/ : '/');
  return parts[parts.length - 1] || fsPath;
}

/** The last "/" segment of a URI's path (vscode.Uri.path), whatever the platform. */
export function uriBaseName(uriPath: string): string {
  const parts = uriPath.split('/');
  return parts[parts.length - 1];
}
