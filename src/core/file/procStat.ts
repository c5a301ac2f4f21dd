// Linux's /proc/<pid>/stat, read the one safe way: field 2 (the command, in parentheses) may hold spaces and
// parentheses itself, so fields are counted after its last ')'.

/** The fields after the command: [0] is field 3 (state), [2] field 5 (process group), [19] field 22 (start time). */
export function procStatFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
