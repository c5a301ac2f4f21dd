// /proc/<pid>/stat fields, counted after the command's last ')': a command may itself hold spaces and parentheses.
import * as assert from 'node:assert/strict';
import { procStatFields } from '../../src/core/file/procStat';

describe('procStatFields', () => {
  it('finds state, process group and start time after a command holding ") (" and spaces', () => {
    const line = '4242 (evil) (S 1 2 3) name) Z 1 777 777 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 123456 0 0\n';
    const f = procStatFields(line);
    assert.equal(f[0], 'Z');
    assert.equal(f[2], '777');
    assert.equal(f[19], '123456');
  });
});
