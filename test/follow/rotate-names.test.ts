// `logscan follow --state` restarted after logrotate's `dateext` (RHEL, Fedora, CentOS:
// where firewalld logs to /var/log/messages) rotated the log while it was stopped:
// `messages-20261206`, `.gz` with `compress`, other stamps with `dateformat`
// (`-%Y%m%d%H` for hourly). Every line once, in order, with its line number; stderr says
// what was read. And names that give no order (`messages_1`, `messages.bak`): said, not
// read. The BUILT CLI, as a user runs it.
import { copyFileSync, existsSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seqLines, seqs, stoppedAfter10, type LogWriter } from '../helpers/follow-writer.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };

type Method = 'create' | 'copytruncate';

/** One logrotate run with dateext: the log is renamed (or copied and truncated) to `to`, gzipped with `compress`. */
function rotate(w: LogWriter, method: Method, to: string, compress: boolean): void {
  if (method === 'create') w.renameCreate(to);
  else w.copyTruncate(to);
  if (compress) w.compressFile(to);
}

describe.concurrent('logscan follow --state after dateext rotations while stopped', () => {
  const cases = (['create', 'copytruncate'] as const).flatMap((method) =>
    [false, true].map((compress) => ({ method, compress, gz: compress ? '.gz' : '', how: compress ? `${method} + compress` : method })),
  );

  it.each(cases)('rotated once ($how): the rest of the saved file from messages-20261206[.gz], then messages', async ({ method, compress, gz }) => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    lines(5);
    rotate(w, method, `${path}-20261206`, compress);
    lines(3);
    const r = await restart(8);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`messages: rotated while logscan was stopped; finishing ${path}-20261206${gz} first`);
    expect(r.stderr).not.toMatch(/twice|may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it.each(cases)('rotated twice ($how): messages-20261205[.gz] finished, messages-20261206[.gz] read, then messages', async ({ method, compress, gz }) => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    lines(5);
    rotate(w, method, `${path}-20261205`, compress);
    lines(4);
    rotate(w, method, `${path}-20261206`, compress);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`finishing ${path}-20261205${gz} first`);
    expect(r.stderr).toContain(`messages: rotated twice while logscan was stopped; reading messages-20261206${gz} before messages`);
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it.each([
    { format: 'hourly -%Y%m%d%H', stamps: ['-2026120613', '-2026120614'] },
    { format: '-%Y-%m-%d', stamps: ['-2026-12-05', '-2026-12-06'] },
    { format: '-%Y%m%d-%s', stamps: ['-20261206-1765000800', '-20261206-1765004400'] },
    { format: '.%Y%m%d', stamps: ['.20261205', '.20261206'] },
  ])('dateformat $format: ordered by the stamp in the name', async ({ stamps }) => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    lines(5);
    rotate(w, 'create', path + stamps[0], true);
    lines(4);
    rotate(w, 'create', path + stamps[1], true);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`finishing ${path}${stamps[0]}.gz first`);
    expect(r.stderr).toContain(`rotated twice while logscan was stopped; reading messages${stamps[1]}.gz before messages`);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('five rotations across a month end: the 3 newest by date are read, the older one named', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    const days = ['-20261129', '-20261130', '-20261201', '-20261202', '-20261203'];
    lines(2);
    rotate(w, 'create', path + days[0], false);
    const kept: number[] = [];
    for (const [k, day] of days.slice(1).entries()) {
      const from = w.written.length;
      lines(2);
      rotate(w, 'create', path + day, false);
      if (k >= 1) kept.push(...w.written.slice(from).map((x) => x.seq));
    }
    lines(3);
    const tail = w.written.slice(-3).map((x) => x.seq);
    const r = await restart(2 + 6 + 3);
    expect(r.stderr).toContain('rotated 5 times while logscan was stopped; reading messages-20261201, messages-20261202, messages-20261203 before messages');
    expect(r.stderr).toContain('not read: one older rotation, messages-20261130 (a restart reads at most 3 rotations');
    expect(seqs(r.all)).toEqual([...w.written.slice(0, 12).map((x) => x.seq), ...kept, ...tail]);
  });
});

describe.concurrent('logscan follow --state after rotations to names that give no order', () => {
  /** A tool that keeps two copies as messages_1 and messages_2 (not logrotate): what messages_1 was moves on. */
  function underscoreRotate(w: LogWriter, path: string): void {
    if (existsSync(`${path}_1`)) renameSync(`${path}_1`, `${path}_2`);
    w.renameCreate(`${path}_1`);
  }

  it('rotated once to messages_1: the saved file is finished there, nothing else said', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    lines(5);
    underscoreRotate(w, path);
    lines(3);
    const r = await restart(8);
    expect(r.stderr).toContain(`rotated while logscan was stopped; finishing ${path}_1 first`);
    expect(r.stderr).not.toMatch(/not read|may be missing/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('rotated twice (messages_2, messages_1): the saved file is finished, messages_1 is named as not read', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    lines(5);
    underscoreRotate(w, path);
    const from = w.written.length;
    lines(4);
    const lost = w.written.slice(from).map((x) => x.seq);
    underscoreRotate(w, path);
    lines(3);
    const r = await restart(8);
    expect(r.stderr).toContain(`finishing ${path}_2 first`);
    expect(r.stderr).toContain(
      'messages: not read: messages_1, written while logscan was stopped under a name that does not say where it comes among the rotations (.N and dated names such as -20261206 do, also before an extension as in fw.1.log or fw-20261206.log, each with or without .gz); logscan FILE reads it',
    );
    expect(seqLines(r.all)).toEqual(w.seqLines.filter(([seq]) => !lost.includes(seq)));
  });

  it('beside numbered rotations: messages.old written while stopped is named, not read as a rotation; an old file and a copy of one read are not named', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'messages');
    lines(5);
    w.renameCreate();
    lines(4);
    w.renameCreate();
    // Someone's copies: one of the rotation that is read (same first KiB), one of lines from elsewhere, one long ago.
    copyFileSync(`${path}.1`, `${path}.bak`);
    writeFileSync(`${path}.old`, 'Dec  6 01:00:00 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.168.1.10 PROTO=TCP SPT=1 DPT=22 SYN\n');
    writeFileSync(`${path}_1`, 'Nov  1 01:00:00 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.168.1.10 PROTO=TCP SPT=1 DPT=23 SYN\n');
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    utimesSync(`${path}_1`, longAgo, longAgo);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain('rotated twice while logscan was stopped; reading messages.1 before messages');
    expect(r.stderr).toContain('messages: not read: messages.old, written while logscan was stopped');
    expect(r.stderr).not.toMatch(/messages\.bak|messages_1/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });
});

describe.concurrent("logscan follow --state after logrotate's `extension .log` rotated fw.log while stopped", () => {
  it.each([
    { how: 'dateext', first: 'fw-20261205.log', second: 'fw-20261206.log', compress: false },
    { how: 'dateext + compress', first: 'fw-20261205.log', second: 'fw-20261206.log', compress: true },
    { how: 'dateformat -%Y-%m-%d', first: 'fw-2026-12-05.log', second: 'fw-2026-12-06.log', compress: false },
  ])('$how: the saved file finished as $first, $second read, then fw.log', async ({ first, second, compress }) => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw.log');
    const dir = path.slice(0, -'fw.log'.length);
    const gz = compress ? '.gz' : '';
    lines(5);
    rotate(w, 'create', dir + first, compress);
    lines(4);
    rotate(w, 'create', dir + second, compress);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`fw.log: rotated while logscan was stopped; finishing ${dir}${first}${gz} first`);
    expect(r.stderr).toContain(`fw.log: rotated twice while logscan was stopped; reading ${second}${gz} before fw.log`);
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('numbered (fw.1.log, then fw.2.log.gz with compress + delaycompress): the saved file finished, fw.1.log read, then fw.log', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw.log');
    const dir = path.slice(0, -'fw.log'.length);
    lines(5);
    w.renameCreate(`${dir}fw.1.log`);
    lines(4);
    renameSync(`${dir}fw.1.log`, `${dir}fw.2.log`);
    w.compressFile(`${dir}fw.2.log`);
    w.renameCreate(`${dir}fw.1.log`);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`finishing ${dir}fw.2.log.gz first`);
    expect(r.stderr).toContain('fw.log: rotated twice while logscan was stopped; reading fw.1.log before fw.log');
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('copytruncate to fw.1.log while stopped: the rest from the copy, then fw.log from its start', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw.log');
    const dir = path.slice(0, -'fw.log'.length);
    lines(5);
    w.copyTruncate(`${dir}fw.1.log`);
    lines(3);
    const r = await restart(8);
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });
});

describe.concurrent("logscan follow --state after logrotate's `addextension .log` rotated fw (no extension) while stopped", () => {
  it('numbered (fw.1.log, then fw.2.log.gz with compress + delaycompress): the saved file finished, fw.1.log read, then fw', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw');
    lines(5);
    w.renameCreate(`${path}.1.log`);
    lines(4);
    renameSync(`${path}.1.log`, `${path}.2.log`);
    w.compressFile(`${path}.2.log`);
    w.renameCreate(`${path}.1.log`);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`fw: rotated while logscan was stopped; finishing ${path}.2.log.gz first`);
    expect(r.stderr).toContain('fw: rotated twice while logscan was stopped; reading fw.1.log before fw');
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('dateext (fw-20261205.log.gz, fw-20261206.log.gz): ordered by the stamp', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw');
    lines(5);
    rotate(w, 'create', `${path}-20261205.log`, true);
    lines(4);
    rotate(w, 'create', `${path}-20261206.log`, true);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`finishing ${path}-20261205.log.gz first`);
    expect(r.stderr).toContain('fw: rotated twice while logscan was stopped; reading fw-20261206.log.gz before fw');
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('copytruncate to fw.1.log while stopped: the rest from the copy, then fw from its start', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw');
    lines(5);
    w.copyTruncate(`${path}.1.log`);
    lines(3);
    const r = await restart(8);
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('beside a live fw.log, fw-20261207.log is its rotation (logrotate names both so), not one of fw', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'fw');
    writeFileSync(`${path}.log`, '');
    lines(5);
    w.renameCreate(`${path}-20261205`);
    lines(4);
    w.renameCreate(`${path}-20261206`);
    // fw.log's, rotated while logscan was stopped: by its stamp it would come between.
    writeFileSync(`${path}-20261207.log`, 'Dec  7 01:00:00 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.168.1.10 PROTO=TCP SPT=1 DPT=22 SYN\n');
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain('fw: rotated twice while logscan was stopped; reading fw-20261206 before fw');
    expect(r.stderr).not.toContain('fw-20261207.log');
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });
});

describe.concurrent('files beside the log that only start with its name', () => {
  it('syslog.json and syslog-ng.conf written while stopped are not rotations: not named after a restart that followed a rotation', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env, 'syslog');
    lines(5);
    w.renameCreate();
    lines(4);
    w.renameCreate();
    writeFileSync(`${path}.json`, '{"last":"Dec  6 01:00:00"}\n');
    writeFileSync(`${path}-ng.conf`, '@version: 4.3\n');
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain('syslog: rotated twice while logscan was stopped; reading syslog.1 before syslog');
    expect(r.stderr).not.toMatch(/not read|syslog\.json|syslog-ng/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });
});
