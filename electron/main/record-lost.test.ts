import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServices } from '../testing/test-support';

/** A PC where Anna entered her name and finished the phishing warning; closed, with its journal file. */
function usedPc() {
  const dir = mkdtempSync(join(tmpdir(), 'pl-lost-'));
  const first = startTestServices(dir);
  first.core.handlers.updateSettings({ userName: 'Anna Adler' });
  first.core.handlers.setTaskStatus({ taskId: 'phishing-warning', status: 'done' });
  const file = first.core.record.file;
  first.close();
  return { dir, file };
}

const lostNotices = (services: ReturnType<typeof startTestServices>) =>
  services.core.snapshot().notices.filter((notice) => notice.kind === 'journal-lost');

describe('this PC’s journal lost although something was recorded here', () => {
  it.each([
    ['emptied (0 bytes)', (file: string) => writeFileSync(file, '')],
    ['deleted', (file: string) => rmSync(file)],
  ])('%s: the app starts, says the entries were lost, and keeps working', (_, lose) => {
    const { dir, file } = usedPc();
    lose(file);
    const again = startTestServices(dir);
    expect(again.core.settings.get().userName).toBe('Anna Adler');
    expect(again.core.checklist.views().find((task) => task.id === 'phishing-warning')?.status).toBe('open');
    expect(lostNotices(again)).toEqual([{ id: expect.any(String) as string, kind: 'journal-lost', file }]);
    expect(again.logger.lines).toContainEqual(expect.stringMatching(/^WARN journal\.lost/));
    again.core.handlers.setTaskStatus({ taskId: 'firewall', status: 'in-progress' });
    expect(statSync(file).size).toBeGreaterThan(0);
    again.close();
  });

  it('no such notice on a first start, after a normal one, or when the first entry itself never got written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-lost-'));
    const fresh = startTestServices(dir);
    expect(lostNotices(fresh)).toEqual([]);
    fresh.close();

    const { dir: used, file } = usedPc();
    const normal = startTestServices(used);
    expect(lostNotices(normal)).toEqual([]);
    normal.close();

    // The file is made just before the first line; without a name in the settings nothing was recorded yet.
    const unnamed = mkdtempSync(join(tmpdir(), 'pl-lost-'));
    const empty = startTestServices(unnamed);
    const emptyFile = empty.core.record.file;
    empty.close();
    writeFileSync(emptyFile, '');
    const again = startTestServices(unnamed);
    expect(lostNotices(again)).toEqual([]);
    again.close();
    expect(readFileSync(file, 'utf8')).not.toBe('');
  });
});
