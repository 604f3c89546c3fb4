// A loghost file's other formats whose RFC 5424 records hold everything in the structured
// data (no message after it): each is read by its own payload whatever the file's format.
import { describe, expect, it } from 'vitest';
import { cefFormat } from '../../src/parsers/cef.js';
import { checkpointFormat } from '../../src/parsers/checkpoint.js';
import { fortigateFormat } from '../../src/parsers/fortigate.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { juniperSrxFormat } from '../../src/parsers/juniper-srx.js';
import { leefFormat } from '../../src/parsers/leef.js';
import { structuredKind } from '../../src/parsers/payload-dispatch.js';
import { sophosXgFormat } from '../../src/parsers/sophos-xg.js';
import { stormshieldFormat } from '../../src/parsers/stormshield.js';
import { zyxelFormat } from '../../src/parsers/zyxel.js';
import { hillstoneFormat } from '../../src/parsers/hillstone.js';
import { huaweiUsgFormat } from '../../src/parsers/huawei-usg.js';
import { h3cSecpathFormat } from '../../src/parsers/h3c-secpath.js';
import { parseLines } from '../helpers/parse.js';

const CHECKPOINT = checkpointFormat.examples[0]!;
const JUNIPER = juniperSrxFormat.examples[2]!;
/** The same record as it comes without the message a Junos device may repeat after the structured data. */
const JUNIPER_SD = JUNIPER.slice(0, JUNIPER.indexOf('] ') + 1);
/** An RFC 5424 line of another program with structured data and no message: nobody's record. */
const EMPTY = '<14>1 2026-11-20T06:40:00Z host app 42 - [meta sequenceId="7"]';

describe('payload dispatch: records in the structured data', () => {
  it('a Check Point or Juniper SRX record with no message is read in a file of any syslog format; an empty message of another program stays skipped', () => {
    for (const format of [iptablesFormat, fortigateFormat, sophosXgFormat, stormshieldFormat, zyxelFormat, hillstoneFormat, huaweiUsgFormat, h3cSecpathFormat, cefFormat, leefFormat, checkpointFormat, juniperSrxFormat]) {
      const r = parseLines(format, [format.examples[0]!, CHECKPOINT, JUNIPER, JUNIPER_SD, EMPTY], { tz: 'UTC' });
      expect([format.id, r.malformed, r.events.map((e) => [e.origin.line, e.format])]).toEqual([
        format.id,
        [],
        [
          [1, format.id],
          [2, 'checkpoint'],
          [3, 'juniper-srx'],
          [4, 'juniper-srx'],
        ],
      ]);
      expect([format.id, r.skipped]).toEqual([format.id, [{ line: 5, reason: 'empty message' }]]);
    }
  });

  it('structuredKind names the owner by its structured data alone', () => {
    expect([structuredKind(CHECKPOINT), structuredKind(JUNIPER_SD), structuredKind(EMPTY), structuredKind('Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0')]).toEqual([
      'checkpoint',
      'juniper-srx',
      null,
      null,
    ]);
  });
});
