// The envelope reader remembers the last line's " host tag:" header and reads a line
// that repeats it without the token checks; that must never change what a line reads as.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyslogEnvelopeReader, newEnvelope, type Envelope } from '../../src/parsers/syslog-envelope.js';

const ctx = { refDate: new Date(Date.UTC(2026, 10, 23)), year: 2026, tz: 'UTC' };

function readFresh(line: string): Envelope {
  const env = newEnvelope();
  new SyslogEnvelopeReader(ctx).read(line, env);
  return env;
}

const HEADS = [
  ' gw kernel:', ' gw  kernel:', ' gw kernel:x', ' gw\tkernel:', ' kernel:', ' gw gw kernel:', ' gw kern.warning kernel:', ' gw2 kernel:',
  ' gw kernel[0]:', ' fw01 ufw[123]:', ' gw', ' [UFW', ' gw kernel: kernel:', '  gw   kernel:  ',
];
const AFTER = [' [123.456] IN=eth0 SRC=1.2.3.4', '\t[1.5] DROP IN=', ' ', '', ' message repeated 3 times: [ IN=eth0 ]', ' [UFW BLOCK] IN=eth0', 'kernel: IN='];

describe('syslog envelope: the remembered header', () => {
  it('a warm reader reads every line exactly as a fresh one does, whatever came before', () => {
    const line = fc.tuple(fc.constantFrom('Nov 20 06:25:01', '2026-11-20T06:25:01Z', 'Nov  3 00:00:00'), fc.constantFrom(...HEADS), fc.constantFrom(...AFTER)).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const reader = new SyslogEnvelopeReader(ctx);
        for (const l of lines) {
          const env = newEnvelope();
          reader.read(l, env);
          expect({ ...env, time: env.time?.getTime() }, l).toEqual({ ...readFresh(l), time: readFresh(l).time?.getTime() });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the common case: the same " gw kernel:" line after line gives the host and the message start', () => {
    const reader = new SyslogEnvelopeReader(ctx);
    const env = newEnvelope();
    for (const n of [1, 2, 3]) {
      const l = `Nov 20 06:25:0${n} gw kernel: [12.5] IN=eth0 SRC=1.2.3.${n}`;
      reader.read(l, env);
      expect([env.host, l.slice(env.msgStart, env.msgEnd), env.uptime]).toEqual(['gw', `IN=eth0 SRC=1.2.3.${n}`, 12.5]);
    }
  });
});
