// The message catalog: zh has every key of en (the type says so at compile time; this
// says so at run time too), every Chinese entry is Chinese, and the English entries
// still say what the report said before the catalog existed.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ERRNO_WORDS, ZLIB_WORDS, zh } from '../../src/i18n/zh.js';
import { durationText, messages } from '../../src/i18n/messages.js';
import { formats } from '../../src/parsers/registry.js';
import { fsProblem, type InputProblem, type InputProblemCode } from '../../src/input/problem.js';
import { formatDescription } from '../../src/cli/formats.js';
import type { CommanderCode, CommanderProblem } from '../../src/cli/commander-problem.js';
import type { FollowNotice } from '../../src/input/follow.js';
import type { IgnoreLineProblem } from '../../src/i18n/en.js';
import type { WriteProblem } from '../../src/util/write-error.js';
import type { StateProblem } from '../../src/input/follow-state.js';
import type { SignatureProblem, SystemLimit } from '../../src/errors.js';
import type { DigestProblem, DigestShape, StateDirProblem } from '../../src/daily/digest.js';
import type { LineFate } from '../../src/check/check.js';
import { OLD_WORDS } from '../helpers/line-reasons.js';
import type { TrafficKind } from '../../src/aggregate/own-traffic.js';
import type { AlertExecReport } from '../../src/live/alert-exec.js';
import { UNPACKERS } from '../../src/input/unpackers.js';

type Fn = (...args: unknown[]) => string;

/** Arguments to call each catalog function with, by key path; chosen so the Chinese result has words in it. */
const SAMPLES: Record<string, unknown[]> = {
  ...Object.fromEntries(Object.entries(OLD_WORDS).map(([code, [r]]) => [`lineReason.${code}`, [r]])),
  aside: ['100%'],
  namedCount: ['已知端口（port-known）', '31'],
  'duration.seconds': ['42'],
  'duration.minutes': ['4'],
  'duration.hours': ['3.5'],
  'duration.days': ['2.1'],
  'finding.trojanFamily': ['Sub-7', ['1243', '6776', '27374'], 2],
  'finding.outboundMalware': ['SQL Slammer 1434/udp; Conducent 17027'],
  'finding.moreFamilies': [2],
  'finding.verticalScan': ['300', '3', '2 min'],
  'finding.horizontalSweep': ['12', '22/tcp, 23/tcp', '11 s'],
  'finding.portList': [['22/tcp', '23/tcp'], 3],
  'finding.portCount': ['15'],
  'finding.udpScan': ['151', '32 s'],
  'finding.protoScan': [255, '5 s'],
  'finding.icmpTypes': [['echo request (ping)', 'time exceeded'], 2],
  'finding.icmpTypeNumber': [42],
  'finding.stealthProbes': [['NULL', 'XMAS']],
  'finding.ackSweep': ['12', '80/tcp'],
  'finding.slowScan': ['40', '6 h', '6.7'],
  'finding.icmpSweep': ['14'],
  'finding.packetsTo': [5, '22/tcp', '3 min'],
  'finding.packetsSomeTo': [510, 4, '39480/tcp'],
  'finding.protoPackets': [6, 'IGMP'],
  'finding.protoNames': [['GRE', 'ESP', 'AH'], 2],
  'finding.traceroute': [27],
  'finding.outboundTraceroute': [9],
  'finding.slowPace': ['2.9'],
  'finding.dialupLeftover': [1],
  'finding.serverReplies': [['DNS'], 20, 1, 1, 4],
  'report.mixedMeaning': ['12', 3, 18],
  'report.scanLateMeaning': [3, 18, 2],
  'report.portsLateUncounted': [88, 1, 256],
  'finding.latePackets': [3, '443/tcp', true, 'ACK/RST, no SYN'],
  'finding.allowedIn': [2, '445/tcp, 3389/tcp'],
  'finding.allowedSome': [2],
  'finding.allowedPart': [3],
  'finding.ownBlockedAll': ['1 packet to 22/tcp'],
  'finding.ownBlockedSome': [1],
  'finding.uncovered': ['17 packets to 137/udp'],
  'finding.annotationItem': ['搜寻开放代理', 'proxy-hunt', 3],
  'report.inputsCount': [3],
  'report.lines': [700],
  'report.events': [693],
  'report.packetsAside': [697],
  'report.packetsConnectionsAside': [168, 136],
  'report.skipped': [7],
  'report.malformed': [0],
  'report.sources': [196, false],
  'report.since': ['2026-11-20 00:00:00'],
  'report.logsBeginAfterSince': ['2026-11-20 06:00:00'],
  'report.until': ['2026-11-21 00:00:00'],
  'report.sourceFilter': ['192.0.2.0/24'],
  'report.minSeverity': [3],
  'report.leftOut': [12],
  'report.noMatchSpan': ['2026-11-20 06:51:08', '2026-11-22 04:09:54'],
  'report.ignoredText': [4],
  'report.probesText': [633, 361],
  'report.topBy': ['records'],
  'report.details.actions': ['connections'],
  'report.details.flagClass': ['other'],
  'report.details.interpretations': ['packets'],
  'report.probesBlocked': [600, 1],
  'report.protoNumber': ['41'],
  'report.topPortsBlocked': [612],
  'report.topPorts': [612],
  'report.topTargetsBlocked': [625],
  'report.topTargets': [625],
  'report.otherTargets': [12, false, '35%'],
  'report.moreProtocols': [247],
  'report.moreLabels': [6],
  'report.ruleAccessList': ['Inside_access_in', '106023'],
  'report.ruleMessageId': ['302014'],
  'report.ruleMessage': ['302014', 'TCP 连接关闭'],
  'report.ruleMessageList.asaMessages': ['106023 被访问控制列表拒绝', 'Inside_access_in'],
  'report.ruleMessageList.sonicwallMessages': ['537 连接关闭', '1 (LAN->WAN)'],
  'report.ruleMessagesLead.asaMessages': ['302014 TCP 连接关闭'],
  'report.ruleMessagesLead.sonicwallMessages': ['36 TCP 包被丢弃'],
  'report.ruleBeforeCount': ['消息 ID 302014'],
  'report.daysBusiest': [31, '2026-11-17 1,204'],
  'report.incomplete': [1, 2, 'a.log'],
  'report.unread': [1, 2, 'a.log'],
  'report.interrupted': ['SIGINT'],
  'report.logGaps': [14, 1, 2, '2026-11-20 18:05:01'],
  'report.topSourcesOf': [20, 196],
  'report.noneAtSeverity': [5, 196],
  'report.originItem': ['CN', 12, 3, 2],
  'explain.direction.in': ['eth0'],
  'explain.direction.inDevice': ['outside'],
  'explain.direction.out': ['eth0'],
  'explain.direction.forward': ['eth0', 'eth1'],
  'explain.situation': ['Stopped by the firewall (dropped or rejected)'],
  'explain.accessList': ['Inside_access_in', '106023'],
  'explain.messageId': ['106015'],
  'explain.actionColumn': ['CLOSE'],
  'explain.named': ['搜寻开放代理', 'proxy-hunt'],
  'report.evicted': [100_000, 20, 300],
  'report.osHint': ['Linux/Unix', 52, 64240],
  'report.osHintNoTtl': [3, 20],
  'zones.zoneless': ['Europe/Berlin', false],
  'zones.zonelessSome': [2, 5, 'Europe/Berlin', true],
  'zones.namedZone': ['CET', 'Europe/Berlin', false],
  'zones.unmatchedZone': ['EST', 'Europe/Berlin'],
  'report.md.inputList': [2, 'a.log, b.log'],
  'report.md.interruptedText': ['SIGTERM'],
  'report.md.evicted': [100_000, 20],
  'daily.probes': [195, '125', 125, 51],
  'daily.incompleteInputs': ['kern.log.2.gz (gzip data is truncated), /var/log/x (is a directory)', 2],
  'daily.unreadInputs': ['/var/log/x (is a directory), gone.log (no such file)', 2],
  'daily.basisOtherZone': ['UTC', 'Asia/Shanghai'],
  'daily.stateNotSaved': ['/var/lib/logscan', '2026-11-21', 'is a directory', '2026-11-22'],
  'daily.newerDigestKept': ['/var/lib/logscan/2026-11-20.json', 7, 6],
  'daily.stateDirProblem': [{ code: 'not-directory', inWay: '/var/lib/x' }],
  'daily.digestShape': [{ code: 'not-count', field: 'totals.packets' }],
  'daily.ignoredDigest': [{ code: 'not-json', file: '/var/lib/logscan/2026-11-20.json', why: 'Unexpected token n in JSON at position 2' }],
  'daily.replacedDigest': [{ code: 'not-json', file: '/var/lib/logscan/2026-11-21.json', why: 'Unexpected token n in JSON at position 2' }, '2026-11-21'],
  'daily.digestProblem': [{ code: 'not-json', file: '/var/lib/logscan/2026-11-20.json', why: 'Unexpected token n in JSON at position 2' }],
  'daily.interruptedNoDigest': ['SIGINT', '2026-11-20'],
  'daily.completeDigestKept': ['/var/lib/logscan/2026-11-20.json', '2026-11-20'],
  'daily.longerDigestKept': ['/var/lib/logscan/2026-11-20.json', '2026-11-20', '00:00-17:40', '06:51-24:00'],
  'daily.coveredSpan': ['06:51', null],
  'daily.noDigestOutside': ['/var/lib/logscan', '2026-11-20', 'ends-before'],
  'daily.noDigestAhead': ['/var/lib/logscan', '2030-01-01'],
  'daily.duplicateFallback': [['/var/log/kern.log.1'], 'ufw.log'],
  'daily.fallbackTaken': [['kern.log.1'], ['ufw.log.1'], true, false],
  'daily.noFileCanHold': ['/var/log', '2026-11-20', '2026-11-21'],
  'daily.logDirUnusable': [{ code: 'not-found', nonUtf8Name: false }],
  'daily.noLogs': [['kern.log*', 'messages*'], '/var/log/journal'],
  'diagnostics.stdoutWrite': [{ code: 'no-space' }],
  'diagnostics.readOnce': ['./ufw.log', 'ufw.log'],
  'diagnostics.noMatch': [3, ['--until', '--source'], '2026-11-20T06:25:01.000Z', '2026-11-20T06:25:04.000Z'],
  'diagnostics.interrupted': ['SIGINT', 'check'],
  'diagnostics.internalError': ['Cannot read properties of undefined'],
  'diagnostics.systemLimit': ['EMFILE'],
  'explain.stdinFirstLines': [100],
  'explain.notExplained': ['line longer than 65536 characters'],
  'explain.overlongLines': [7, 65536],
  'check.line': [2, 'none'],
  'help.extras': [['table', 'json'], '"table"'],
  'help.scanPorts': [15],
  'help.sweepHosts': [10],
  'help.maxSources': [100000, true],
  'help.followAlertExec': [8],
  'check.annotation': ['port-known', 0, 'logscan'],
  'check.countsAsKind': ['late'],
  'check.lateRecord': [['session end']],
  'check.lineAbsent': [999, 'ufw.log', 700],
  'check.title': ['ufw.log'],
  'check.forced': ['iptables'],
  'check.sniffed': ['iptables', '0.99', 50],
  'check.zeroConfidence': [14, false],
  'check.guessedEmpty': ['iptables'],
  'check.guessed': ['iptables', 3, 'iptables'],
  'check.linesRow': [700, 693, 7, '0'],
  'check.malformedCount': [1],
  'check.unreadHeaders': [3, 'header not understood: read from its kernel: tag on'],
  'check.encoding': ['UTF-16LE'],
  'check.nuls': [70000, 2, 7],
  'check.fieldsLayouts': [2, '17'],
  'check.fieldsLayout': [18, '+pid', 11, 6, 1],
  'check.kinds': ['skipped', 2],
  'check.example': [1, null, 'x'],
  'check.moreKinds': [3, 40],
  'check.hints.guessed': ['iptables'],
  'check.hints.fewLines': [3],
  'daily.basisOtherSettings': [['thresholds', 'ignore', 'homeNet', 'signatures'], false],
  'daily.basisCountedOtherwise': [['cisco-asa'], true],
  'daily.filesRead': [2, 'kern.log.1, kern.log', 1, [['messages', 'its kernel lines are already in kern.log']], ['kern.log.2 (between kern.log.1 and kern.log.3.gz)']],
  'report.repeats': [0.97, 1628, 'kern.log'],
  'report.decoded': ['UTF-16LE'],
  'daily.missingBetween': ['/var/log/kern.log.2', 'kern.log.1', 'kern.log.3.gz'],
  'daily.missingRotation': ['kern.log.2', 1],
  'daily.unreadRotation': ['filter.log.1.bz2', 1],
  'daily.coveredParts': [['00:00-09:12', '14:30-24:00']],
  'daily.noFileForDay': ['2026-11-17 10:00Z'],
  'daily.skipReason': [{ kind: 'duplicate', lines: 'kernel', earlier: 'kern.log' }],
  'daily.noBasis': ['2026-11-20'],
  'daily.basis': ['2026-11-20', false, true, '06:51-17:40'],
  'daily.basisTodayPartly': ['2026-11-21', true, 'until 17:40'],
  'daily.notCompared': ['2026-11-20', 'ends-before'],
  'daily.interrupted': ['SIGINT'],
  'daily.dstDay': [23],
  'daily.untimed': [4],
  'daily.noRecordYet': ['2026-11-20 23:59:00'],
  'daily.endsBefore': ['2026-11-20 23:59:00', '2026-11-20'],
  'daily.startsAfter': ['2026-11-22 00:01:00', '2026-11-22'],
  'daily.startsDuring': ['2026-11-21 06:51:08'],
  'daily.endsDuring': ['2026-11-21 12:23:00'],
  'daily.noRecordsOn': ['2026-11-21'],
  'daily.blockedValue': ['189 (97%)', '3 (1.5%)', '3 (1.5%)'],
  'finding.outboundBlocked': ['IRC'],
  'finding.loggedPids': [[10452, 2220], true],
  'daily.blockedOfLogged': [168, '55%', 305],
  'daily.blockedOfRecords': [360, '85%', 422, 62, 296],
  notProbes: [{ own: 136, replies: 3, noise: 27, late: 9, ownConnections: 120, lateConnections: 2, replyConnections: 1, noiseConnections: 4 }],
  'daily.newToday': [93, true],
  'daily.listedItem': ['203.0.113.99', 14, null],
  'daily.newlyProbed': [19],
  'daily.newPortsLateUncounted': [88, 1, 256],
  'daily.activityMax': [25],
  'daily.text.title': ['2026-11-21', 'UTC'],
  'daily.text.note': ['x'],
  'daily.text.change': ['x'],
  'daily.md.title': ['2026-11-21', 'UTC'],
  'daily.md.perHour': ['00', '23'],
  'daily.md.perHourKey': ['░', 'no logs for these hours'],
  'daily.md.change': ['x'],
  'daily.html.title': ['2026-11-21'],
  'daily.html.footer': ['a.log'],
  'daily.html.heading': ['2026-11-21'],
  'daily.html.hours': [24],
  'daily.html.vsDayBefore': ['+35%'],
  'daily.html.newCount': [93, true],
  'daily.html.ofPackets': ['97%'],
  'daily.html.ofRecords': ['55%'],
  'daily.html.chartTitle': ['2026-11-21', 'UTC'],
  'daily.html.chartBar': ['06', 12, 11],
  'daily.html.chartBarPrevious': [310],
  'daily.html.chartBarUncovered': ['10'],
  'daily.html.changeAgainst': ['2026-11-20'],
  'daily.html.notCompared': ['2026-11-21', 'starts-after'],
  'daily.html.newTodayHtml': ['<b>93</b>', false],
  'daily.html.newlyProbedHtml': ['<b>19</b>'],
  'report.html.toPorts': [361],
  'report.html.span': ['2026-11-20 06:51:08', '2026-11-22 04:09:54', 'UTC'],
  'report.html.chartTitle': ['UTC'],
  'report.html.dayChartTitle': ['UTC'],
  'report.html.dayBar': ['2026-11-20', 477, 470],
  'report.html.footer': ['0.1.0', 'a.log'],
  'report.details.of': ['203.0.113.9'],
  'report.rangeItem': ['Shared address space (carrier-grade NAT)', 3],
  'report.findingItem': ['木马端口探测', 'trojan-probe', '16'],
  'report.details.ports': [300, false, 300, 0],
  'report.details.scoreParts': ['54.4', '58', '5', '0.1', '1'],
  'follow.alert': ['203.0.113.7'],
  'follow.score': [57.4],
  'follow.scoreAtLeast': [57.4, 50],
  'follow.folded': [292, '198.51.100.77', '1 s', { ports: 100, portsCapped: true, onlyPort: null, hosts: 3, cap: 100 }],
  'follow.window': ['10 min', 693, 196],
  'follow.followedFor': ['4 s'],
  'follow.stopReportWritten': ['/var/lib/logscan/final.txt'],
  'follow.finalReportFailed': ['/var/lib/logscan/final.txt', 'EACCES'],
  'follow.logGap': [14],
  'follow.alertsForgetting': [20_000, '10 min'],
  'follow.alertsForgotten': [37, 20_000],
  'follow.annotationsDropping': [50_000],
  'follow.annotationsDropped': [1234, 50_000],
  'formats.cisco-asa': ['106001, 106006, 106023'],
  'report.columnsLeftOut': ['seen, hosts'],
  'report.unranked': [5, 196],
  'input.problem': [{ code: 'gzip-cut', line: 128, why: 'unexpected end of file' }],
  'follow.notice': [{ code: 'rotated' }],
  'follow.alertExec': [{ code: 'exited', cmd: '/usr/local/bin/notify', exit: 3 }],
  'usage.seeHelp': ['follow'],
  'usage.commander': [{ code: 'commander.unknownOption', flag: '--outptu', suggestions: ['--output'] }],
  'usage.unknownCommand': ['chek', ['check'], ['report', 'check']],
  'usage.helpTopic': ['chek', ['check'], ['report', 'check']],
  'usage.wholeNumber': ['--top', 10_000, '0'],
  'usage.positiveNumber': ['--alert-score', '-1'],
  'usage.unknownFormat': ['xx', ['iptables', 'pf']],
  'usage.unknownZone': ['Mars/Base'],
  'usage.unknownEncoding': ['gbk2'],
  'usage.utf16Encoding': ['utf-16le'],
  'report.decodedFrom': ['gb18030'],
  'report.invalidUtf8': [3],
  'check.decodedFrom': ['gbk'],
  'check.invalidUtf8': [1],
  'usage.year': [1900, 9998, '99'],
  'usage.yearRange': ['--since', 1900, 9998, '0099-01-01'],
  'usage.time': ['--since', 'soon'],
  'usage.severity': ['--fail-on', ['info', 'critical'], '9'],
  'usage.date': [1900, 9998, '2026-13-01'],
  'usage.sourceRange': ['1.2.3'],
  'usage.onlyWithFormat': ['--csv-table', 'csv'],
  'usage.onlyWithResolve': ['--resolve-server'],
  'usage.resolveTimeout': ['99'],
  'usage.blocklistMinScore': ['x'],
  'usage.ecsNeedsNdjson': ['text'],
  'usage.dshieldUserid': ['x'],
  'usage.jsonNotFormat': ['table'],
  'usage.duration': ['--summary-every', '5q'],
  'usage.durationTooShort': ['--summary-every', '0.5'],
  'usage.unterminatedQuote': ['--alert-exec', "'"],
  'usage.trailingBackslash': ['--alert-exec'],
  'usage.emptyCommand': ['--alert-exec'],
  'usage.fileProblem': ['--config', 'nope.json', { code: 'not-found', nonUtf8Name: false }],
  'usage.configNotJson': ['c.json', "Expected property name or '}' in JSON at position 1"],
  'usage.configNotObject': ['c.json'],
  'usage.configUnknownKey': ['c.json', 'x'],
  'usage.settingNotObject': ['c.json', 'limits'],
  'usage.unknownSetting': ['c.json', 'bogus'],
  'usage.settingArray': [null, 'weights.volume', 3],
  'usage.settingNumber': ['c.json', 'limits.maxSources', '"x"'],
  'usage.settingCount': ['c.json', 'limits.maxSources', '0'],
  'usage.ignoreLine': ['ignore.txt', 3, 'not-address', 'foo'],
  'usage.geoipDir': ['/nope', { code: 'not-found', nonUtf8Name: false }],
  'usage.dirProblem': [{ code: 'not-a-directory' }],
  'usage.geoipNoFiles': ['/srv/geo'],
  'usage.geoipUnreadable': ['/srv/geo/x.mmdb', 'Unexpected end of data'],
  'usage.geoipNoDatabase': ['/srv/geo', ['a.mmdb', 'b.mmdb']],
  'usage.outputWrite': ['out.json', { code: 'no-such-directory', dir: '/nope' }],
  'usage.finalReport': ['/var/lib/logscan/final.txt', { code: 'no-such-directory', dir: '/var/lib/logscan' }],
  'usage.outputIsInput': ['ufw.log', '-'],
  'usage.writeProblem': [{ code: 'read-only', dir: '/mnt' }],
  'usage.state': ['s.json', { code: 'not-json' }],
  'usage.stateLater': ['/var/lib/logscan/s.json', { code: 'unsaved', problem: { code: 'no-space' } }],
  'usage.stateProblem': [{ code: 'version', version: '9' }],
  'usage.signatures': ['/etc/logscan/sig/ports.json', 'local-1', null, '$.entries[0].rank: must be a number >= 0'],
  'usage.signatureProblem': [{ code: 'no-files', expected: ['ports.json', 'categories.json'], found: ['x.json'] }],
  'usage.homeNet': ['bogus'],
  'diagnostics.input': ['nope.log', 'no such file'],
  'diagnostics.malformed': ['ufw.log', 12, "SRC: invalid address 'zz'", 'Nov 20 07:07:41 gw kernel: SRC=zz'],
  'diagnostics.malformedTotal': [7, 5],
  'diagnostics.stdoutNotRead': ['SIGTERM', true],
  'usage.resolveServer': ['Invalid IP address: bogus', 'bogus'],
  'usage.queryPort': ['99999', '99999'],
  'usage.querySyntax': ['8x/icmp'],
  'usage.queryIcmpType': ['300/icmp'],
  'usage.queryProto': ['80/sctp', 'sctp'],
  'usage.queryRange': ['5-3', 5, 3],
};

/** One write problem of each code; a Record, so a code added to WriteProblem without a sample here does not compile. */
const WRITE: { [C in WriteProblem['code']]: Extract<WriteProblem, { code: C }> } = {
  'no-such-directory': { code: 'no-such-directory', dir: '/nope' },
  'not-found': { code: 'not-found' },
  'parent-not-directory': { code: 'parent-not-directory', dir: '/etc/passwd' },
  'no-permission-in-dir': { code: 'no-permission-in-dir', dir: '/root' },
  'permission-denied': { code: 'permission-denied' },
  'is-directory': { code: 'is-directory' },
  'read-only': { code: 'read-only', dir: '/mnt' },
  'no-space': { code: 'no-space' },
  quota: { code: 'quota' },
  'system-error': { code: 'system-error', message: 'EIO: i/o error, write' },
};

/** One stored digest's contents problem of each code. */
const DIGEST_SHAPE: { [C in DigestShape['code']]: Extract<DigestShape, { code: C }> } = {
  'not-object': { code: 'not-object' },
  newer: { code: 'newer', version: 99, newest: 6 },
  'unknown-version': { code: 'unknown-version', version: '"x"' },
  'other-date': { code: 'other-date', holds: '"2026-11-19"', date: '2026-11-20' },
  'no-totals': { code: 'no-totals' },
  'not-count': { code: 'not-count', field: 'totals.packets' },
  'not-counts': { code: 'not-counts', field: 'perHour' },
  'not-addresses': { code: 'not-addresses', field: 'sources' },
  'not-formats': { code: 'not-formats', field: 'formats' },
  'no-flags': { code: 'no-flags' },
  'not-object-field': { code: 'not-object-field', field: 'ports' },
  'not-settings': { code: 'not-settings', field: 'settings' },
  'not-hash': { code: 'not-hash', field: 'settings.homeNet' },
  'not-span': { code: 'not-span', field: 'covered' },
  'not-ranges': { code: 'not-ranges', field: 'ports.tcp' },
  'bad-range': { code: 'bad-range', field: 'ports.tcp', range: '9-3' },
};

/** One daily --state DIR problem of each code. */
const STATE_DIR: { [C in StateDirProblem['code']]: Extract<StateDirProblem, { code: C }> } = {
  'not-directory': { code: 'not-directory', inWay: '/var/lib/x' },
  'read-only': { code: 'read-only' },
  'no-permission': { code: 'no-permission' },
  directory: { code: 'directory', problem: { code: 'not-found', nonUtf8Name: false } },
  write: { code: 'write', file: '2026-11-21.json', problem: { code: 'is-directory' } },
};

/** One stored-digest problem of each code. */
const DIGEST: { [C in DigestProblem['code']]: Extract<DigestProblem, { code: C }> } = {
  unreadable: { code: 'unreadable', file: '/s/2026-11-20.json', problem: { code: 'permission-denied' } },
  'not-json': { code: 'not-json', file: '/s/2026-11-20.json', why: 'Unexpected end of JSON input' },
  invalid: { code: 'invalid', file: '/s/2026-11-20.json', shape: { code: 'not-count', field: 'totals.packets' } },
};

const SYSTEM_LIMITS: readonly SystemLimit[] = ['EMFILE', 'ENFILE', 'ENOMEM', 'ENOSPC'];
const LINE_FATES: readonly LineFate[] = ['event', 'skipped', 'malformed', 'none', 'absent'];
const TRAFFIC_KINDS: readonly TrafficKind[] = ['probe', 'own', 'reply', 'noise', 'late', 'gap'];

/** One --state problem of each code. */
const STATE: { [C in StateProblem['code']]: Extract<StateProblem, { code: C }> } = {
  unreadable: { code: 'unreadable', problem: { code: 'permission-denied' } },
  unsaved: { code: 'unsaved', problem: { code: 'no-such-directory', dir: '/nope' } },
  'not-json': { code: 'not-json' },
  'not-object': { code: 'not-object' },
  version: { code: 'version', version: '9' },
  'bad-entry': { code: 'bad-entry', entry: '{"path":1}' },
};

/** One signatures problem of each code. */
const SIGNATURES: { [C in SignatureProblem['code']]: Extract<SignatureProblem, { code: C }> } = {
  'not-directory': { code: 'not-directory' },
  'builtin-missing': { code: 'builtin-missing' },
  'no-files': { code: 'no-files', expected: ['ports.json'], found: [] },
  unreadable: { code: 'unreadable', why: 'EACCES', problem: { code: 'permission-denied' } },
  'not-json': { code: 'not-json', why: 'Unexpected end of JSON input' },
};

/** One --alert-exec report of each code. */
const ALERT_EXEC: { [C in AlertExecReport['code']]: Extract<AlertExecReport, { code: C }> } = {
  'cannot-run': { code: 'cannot-run', cmd: '/nope', message: 'spawn /nope ENOENT' },
  'ended-by': { code: 'ended-by', cmd: 'notify', signal: 'SIGKILL' },
  exited: { code: 'exited', cmd: 'notify', exit: 3 },
  timeout: { code: 'timeout', cmd: 'notify', seconds: 10 },
  dropping: { code: 'dropping', commands: 4, queued: 32 },
  dropped: { code: 'dropped', n: 5, total: 12 },
  tally: { code: 'tally', cmd: 'notify', alerts: 9, delivered: 3, dropped: 2, failed: 1, unrun: 1, stoppedWith: 1, stopSignal: 'SIGTERM', cutOff: 1 },
};

const IGNORE_LINES: readonly IgnoreLineProblem[] = ['port-syntax', 'port-range', 'iface-syntax', 'entry-syntax', 'not-address'];

/** One commander usage error of each code; a Record, so a code added to CommanderProblem without a sample here does not compile. */
const COMMANDER: Record<CommanderCode, CommanderProblem> = {
  'commander.unknownOption': { code: 'commander.unknownOption', flag: '--bogus', suggestions: [] },
  'commander.missingArgument': { code: 'commander.missingArgument', name: 'files' },
  'commander.optionMissingArgument': { code: 'commander.optionMissingArgument', flags: '--tz <zone>' },
  'commander.invalidArgument': { code: 'commander.invalidArgument', flags: '--lang <lang>', value: 'fr', choices: ['en', 'zh'] },
  'commander.excessArguments': { code: 'commander.excessArguments', command: 'formats', expected: 0, got: 1 },
};

/** One problem of each code; a Record, so a code added to InputProblem without a sample here does not compile. */
const PROBLEMS: Record<InputProblemCode, InputProblem> = {
  'not-found': { code: 'not-found', nonUtf8Name: true },
  'permission-denied': { code: 'permission-denied' },
  'is-directory': { code: 'is-directory' },
  directory: { code: 'directory' },
  'symlink-loop': { code: 'symlink-loop' },
  'name-too-long': { code: 'name-too-long' },
  'not-a-directory': { code: 'not-a-directory' },
  'system-error': { code: 'system-error', message: 'EIO: i/o error, read' },
  'empty-gz': { code: 'empty-gz' },
  'not-gzip': { code: 'not-gzip' },
  binary: { code: 'binary', controls: 219, sampled: 2000 },
  'utf16-no-bom': { code: 'utf16-no-bom' },
  'bad-utf16': { code: 'bad-utf16' },
  packed: { code: 'packed', name: 'xz', unpack: 'xzcat' },
  'gzip-not-followed': { code: 'gzip-not-followed' },
  'never-appeared': { code: 'never-appeared' },
  'packed-not-followed': { code: 'packed-not-followed', name: 'xz' },
  shrank: { code: 'shrank', size: 4096, read: 1024 },
  'gzip-trailing': { code: 'gzip-trailing', bytes: 12 },
  'gzip-cut': { code: 'gzip-cut', line: 128, why: 'unexpected end of file' },
  'unpacker-missing': { code: 'unpacker-missing', name: 'xz', command: 'xz', package: 'xz-utils', cat: 'xzcat' },
  'unpack-cut': { code: 'unpack-cut', name: 'bzip2', line: 128, why: 'bzip2: Compressed file ends unexpectedly;' },
  'read-error': { code: 'read-error', line: 7, message: 'EIO: i/o error, read' },
};

/** One follow notice of each code; a Record, so a code added to FollowNotice without a sample here does not compile. */
const NOTICES: { [C in FollowNotice['code']]: Extract<FollowNotice, { code: C }> } = {
  waiting: { code: 'waiting', nonUtf8Name: false },
  appeared: { code: 'appeared' },
  'readable-now': { code: 'readable-now' },
  'not-utf8': { code: 'not-utf8' },
  removed: { code: 'removed' },
  rotated: { code: 'rotated' },
  'new-since-stop': { code: 'new-since-stop' },
  truncated: { code: 'truncated' },
  copytruncated: { code: 'copytruncated', copy: '/var/log/kern.log.1' },
  overwritten: { code: 'overwritten', file: '/var/log/kern.log.1' },
  'truncated-while-stopped': { code: 'truncated-while-stopped' },
  'rotated-while-stopped': { code: 'rotated-while-stopped', file: '/var/log/kern.log.1' },
  'rotations-while-stopped': { code: 'rotations-while-stopped', rotations: 3, reading: ['kern.log.2.gz', 'kern.log.1'], base: 'kern.log' },
  'rotations-not-read': { code: 'rotations-not-read', count: 2, first: 'kern.log.7.gz', last: 'kern.log.6.gz', max: 4, base: 'kern.log' },
  'unordered-not-read': { code: 'unordered-not-read', files: ['kern.log_1', 'kern.log.old'] },
  'copy-unread': { code: 'copy-unread', file: '/var/log/kern.log.1.xz', line: 88, problem: { code: 'unpacker-missing', name: 'xz', command: 'xz', package: 'xz-utils', cat: 'xzcat' } },
  'position-lost': { code: 'position-lost', ino: '1234567', line: 88 },
  'copy-cut': { code: 'copy-cut', file: '/var/log/kern.log.1.xz', problem: { code: 'unpack-cut', name: 'xz', line: 4096, why: 'xz: (stdin): Unexpected end of input' } },
  'copy-read-error': { code: 'copy-read-error', file: '/var/log/kern.log.1.gz', line: 4096, problem: { code: 'system-error', message: 'EIO: i/o error, read', errno: 'EIO' }, packed: true },
  'copy-trailing': { code: 'copy-trailing', file: '/var/log/kern.log.1.gz', problem: { code: 'gzip-trailing', bytes: 12 } },
  'fs-retry': { code: 'fs-retry', step: 'stat', problem: { code: 'permission-denied' } },
  'rotation-unreadable': { code: 'rotation-unreadable', file: '/var/log/kern.log.1', read: true, problem: { code: 'system-error', message: 'EIO: i/o error, read', errno: 'EIO' } },
  fifo: { code: 'fifo', name: '/run/syslog.pipe' },
  directory: { code: 'directory' },
  'not-regular': { code: 'not-regular' },
  'not-text': { code: 'not-text', problem: { code: 'gzip-not-followed' } },
  'gzip-broke-off': { code: 'gzip-broke-off', why: 'unexpected end of file' },
  'gzip-bad-header': { code: 'gzip-bad-header', why: 'incorrect header check' },
  'gzip-trailing': { code: 'gzip-trailing', bytes: 12 },
  'unpack-cut': { code: 'unpack-cut', problem: { code: 'unpack-cut', name: 'xz', line: 128, why: 'xz: (stdin): Unexpected end of input' } },
  'stream-error': { code: 'stream-error', message: 'EIO: i/o error, read', errno: 'EIO' },
};

/** Entries that are the same in Chinese on purpose: technical tokens (an ASA message id and its name, both given: "302014 TCP 连接关闭"); a helper's English reason said as it is (lineReason.text). */
const SAME = new Set(['report.head.rank', 'report.ruleMessage', 'check.label.fields', 'lineReason.text']);

/** Chinese characters and CJK punctuation (，。：、（）). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u;

/** Every leaf of a catalog as [key path, value]. */
function leaves(o: object, prefix = ''): [string, unknown][] {
  return Object.entries(o).flatMap(([k, v]): [string, unknown][] => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? leaves(v as object, path) : [[path, v]];
  });
}

/** The text of a leaf: a string as it is, a function called with its samples, an array joined. */
function render(path: string, v: unknown): string {
  if (typeof v === 'function') {
    const args = SAMPLES[path];
    if (!args) throw new Error(`no sample arguments for ${path}: add them to SAMPLES`);
    return (v as Fn)(...args);
  }
  return Array.isArray(v) ? v.join('|') : String(v);
}

describe('message catalog', () => {
  const enLeaves = leaves(en);
  const zhLeaves = new Map(leaves(zh));

  it('zh has exactly the keys of en, each of the same kind', () => {
    expect([...zhLeaves.keys()].sort()).toEqual(enLeaves.map(([k]) => k).sort());
    for (const [k, v] of enLeaves) expect(typeof zhLeaves.get(k), k).toBe(typeof v);
  });

  it('every function has sample arguments (so the next test covers it)', () => {
    const fns = enLeaves.filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(fns.filter((k) => !(k in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((k) => !fns.includes(k))).toEqual([]);
  });

  it('every zh entry differs from the English one and is Chinese, except technical tokens', () => {
    const bad: string[] = [];
    for (const [k, v] of enLeaves) {
      const e = render(k, v);
      const z = render(k, zhLeaves.get(k));
      if (SAME.has(k)) {
        if (z !== e) bad.push(`${k}: expected the same token, got ${z}`);
      } else if (z === e || !CJK.test(z)) bad.push(`${k}: ${JSON.stringify(z)}`);
    }
    expect(bad).toEqual([]);
  });

  it('file and address errors of options: every write, --state and --ignore problem worded in both languages, the Chinese in Chinese, no two alike; the English as before', () => {
    const all = (lang: 'en' | 'zh'): string[] => [
      ...Object.values(WRITE).map((p) => messages(lang).usage.writeProblem(p)),
      ...Object.values(STATE).map((p) => messages(lang).usage.stateProblem(p)),
      ...IGNORE_LINES.map((p) => messages(lang).usage.ignoreLine('i.txt', 1, p, 'x')),
      ...Object.values(SIGNATURES).map((p) => messages(lang).usage.signatureProblem(p)),
      ...Object.values(ALERT_EXEC).map((r) => messages(lang).follow.alertExec(r)),
    ];
    for (const lang of ['en', 'zh'] as const) expect(new Set(all(lang)).size, lang).toBe(all(lang).length);
    // The system's own message is all there is to say of an unknown error, in either language.
    for (const t of all('zh').filter((t) => t !== WRITE['system-error'].message)) expect(t).toMatch(CJK);
    expect(en.usage.writeProblem(WRITE['no-permission-in-dir'])).toBe('no permission to create files in /root');
    expect(en.usage.state('s.json', STATE.unsaved)).toBe('--state s.json: cannot save state: no such directory: /nope');
    expect(en.usage.state('s.json', STATE.unreadable)).toBe('--state s.json: cannot read state: permission denied');
    expect(en.usage.ignoreLine('i.txt', 2, 'port-syntax', 'port x')).toBe('--ignore i.txt:2: expected "port N", "port N/udp" or "port N-M/tcp": "port x"');
    expect(en.usage.outputIsInput('ufw.log', 'log/ufw.log')).toBe('--output ufw.log: is one of the input files (the same file as log/ufw.log); refusing to overwrite a log');
    expect(en.usage.outputIsInput('ufw.log', null)).toBe('--output ufw.log: is one of the input files; refusing to overwrite a log');
    expect(en.usage.settingArray(null, 'weights.volume', 3)).toBe('options: "weights.volume" must be an array of 3 non-negative numbers');
    expect(en.usage.signatures('/x/ports.json', null, SIGNATURES.unreadable, '')).toBe('invalid signatures: /x/ports.json: cannot read: EACCES');
    expect(zh.usage.signatureProblem(SIGNATURES.unreadable)).toBe('无法读取：没有读取权限');
    expect(en.follow.alertExec(ALERT_EXEC.tally)).toBe('--alert-exec: of 9 alerts, 3 reached notify, 6 did not: 2 dropped (the queue was full), 1 failed, 1 still queued when logscan stopped, 1 stopped with logscan (the same SIGTERM ended it), 1 still running when logscan stopped (killed)');
    expect(en.follow.alertExec(ALERT_EXEC.dropped)).toBe('--alert-exec: 5 alerts dropped (12 in all): the queue was full');
    expect(en.follow.alertExec(ALERT_EXEC.dropping)).toBe('--alert-exec: 4 commands running and 32 alerts queued: alerts are dropped until there is room (counted)');
    expect(zh.usage.resolveServer('Invalid IP address: bogus', 'bogus')).toContain('“bogus”');
    expect(zh.usage.resolveServer('some other failure', null)).toContain('some other failure');
  });

  it("stderr's own lines: every --state DIR problem, stored-digest problem, system limit, line fate and probe-count kind worded in both languages, the Chinese in Chinese, no two alike; the English as before", () => {
    const all = (lang: 'en' | 'zh'): string[] => {
      const m = messages(lang);
      return [
        ...Object.values(STATE_DIR).map((p) => m.daily.stateDirProblem(p)),
        ...Object.values(DIGEST).map((p) => m.daily.ignoredDigest(p)),
        ...Object.values(DIGEST).map((p) => m.daily.replacedDigest(p, '2026-11-21')),
        ...Object.values(DIGEST_SHAPE).map((p) => m.daily.digestShape(p)),
        ...SYSTEM_LIMITS.map((l) => m.diagnostics.systemLimit(l)),
        ...LINE_FATES.map((f) => m.check.line(1, f)),
        ...TRAFFIC_KINDS.map((k) => m.check.countsAsKind(k)),
        m.diagnostics.interrupted('SIGINT', 'output'),
        m.diagnostics.interrupted('SIGINT', 'check'),
      ];
    };
    for (const lang of ['en', 'zh'] as const) expect(new Set(all(lang)).size, lang).toBe(all(lang).length);
    for (const t of all('zh')) expect(t).toMatch(CJK);
    expect(en.daily.stateDirProblem(STATE_DIR.write)).toBe('2026-11-21.json: is a directory');
    expect(en.daily.stateDirProblem(STATE_DIR['not-directory'])).toBe('/var/lib/x is not a directory');
    expect(en.daily.stateDirProblem({ code: 'not-directory', inWay: null })).toBe('not a directory');
    expect(en.daily.ignoredDigest(DIGEST.unreadable)).toBe('ignoring the stored digest: /s/2026-11-20.json: permission denied');
    expect(en.daily.ignoredDigest(DIGEST.invalid)).toBe('ignoring the stored digest: /s/2026-11-20.json: totals.packets is not a count');
    expect(zh.daily.ignoredDigest(DIGEST.invalid)).toBe('已忽略保存的摘要：/s/2026-11-20.json：totals.packets 字段不是计数');
    expect(en.daily.replacedDigest(DIGEST.invalid, '2026-11-21')).toBe("replacing the unusable stored digest of 2026-11-21 with this run's: /s/2026-11-20.json: totals.packets is not a count");
    // A digest's field names are its file format's words: quoted as they are in both languages, the rest said in Chinese.
    for (const p of Object.values(DIGEST_SHAPE)) {
      if ('field' in p) expect(zh.daily.digestShape(p)).toContain(`${p.field} 字段`);
      expect(zh.daily.digestShape(p)).not.toMatch(/\b(is|not|no|missing|bad)\b/);
    }
    // The English is word for word what it was.
    expect(en.daily.digestShape(DIGEST_SHAPE['bad-range'])).toBe('ports.tcp: bad port range "9-3"');
    expect(en.daily.digestShape(DIGEST_SHAPE['other-date'])).toBe('holds "2026-11-19", not 2026-11-20');
    expect(en.daily.digestShape(DIGEST_SHAPE['no-flags'])).toBe('flags missing');
    expect(en.daily.logDirUnusable({ code: 'not-a-directory' })).toBe('cannot look for logs there: not a directory; give the log files as arguments');
    expect(en.diagnostics.stdoutWrite({ code: 'no-space' })).toBe('cannot write to standard output: no space left on the device');
    expect(en.diagnostics.systemLimit('EMFILE')).toBe('this process may open no more files: raise the limit (ulimit -n) and run again');
    expect(en.check.lineAbsent(99, 'ufw.log', 6)).toBe('--line 99: ufw.log has only 6 lines');
    // A write error the catalog has no sentence for: its errno worded as for a read, the system's words without one.
    expect(zh.usage.writeProblem({ code: 'system-error', message: 'EIO: i/o error, write', errno: 'EIO' })).not.toContain('i/o error');
    expect(zh.usage.writeProblem({ code: 'system-error', message: 'EWHATEVER: odd', errno: 'EWHATEVER' })).toContain('EWHATEVER: odd');
  });

  it('formats: a description of every format the registry reads, and of no other', () => {
    const ids = formats.map((f) => f.id).sort();
    expect(Object.keys(en.formats).sort()).toEqual(ids);
    for (const lang of ['en', 'zh'] as const) for (const id of ids) expect(formatDescription(id, lang), `${lang} ${id}`).not.toBe('');
  });

  it('input problems: every code is worded in both languages, the Chinese in Chinese, and no two codes alike', () => {
    for (const lang of ['en', 'zh'] as const) {
      const texts = Object.values(PROBLEMS).map((p) => messages(lang).input.problem(p));
      expect(new Set(texts).size, lang).toBe(texts.length);
    }
    for (const p of Object.values(PROBLEMS)) {
      const z = zh.input.problem(p);
      expect(z, p.code).toMatch(CJK);
      expect(z).not.toBe(en.input.problem(p));
    }
    // The English is what stderr said before the codes existed.
    expect(en.input.problem(PROBLEMS['not-found'])).toBe('no such file (the name is not valid UTF-8, which Node.js cannot open; rename the file, or read it from stdin: logscan - < FILE)');
    expect(en.input.problem(PROBLEMS['gzip-trailing'])).toBe('12 bytes after the end of the gzip data are not gzip and were ignored (every line before them was read)');
  });

  it('a binary input\'s counts take their plural from the number: one byte is "1 control byte in the first 1 byte"', () => {
    expect(en.input.problem({ code: 'binary', controls: 1, sampled: 1 })).toBe('looks like binary data, not a text log (1 control byte in the first 1 byte); skipped');
    expect(en.input.problem(PROBLEMS.binary)).toBe('looks like binary data, not a text log (219 control bytes in the first 2,000 bytes); skipped');
    expect(zh.input.problem({ code: 'binary', controls: 1, sampled: 1 })).toBe('看起来是二进制数据，不是文本日志（前 1 字节中有 1 个控制字节）；已跳过');
  });

  it('input problems: a system error is worded in Chinese by its errno code; the English keeps the system\'s message', () => {
    const err = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(message), { code });
    const emfile = fsProblem(err('EMFILE', "EMFILE: too many open files, open '/var/log/ufw.log'"));
    expect(emfile).toEqual({ code: 'system-error', message: "EMFILE: too many open files, open '/var/log/ufw.log'", errno: 'EMFILE' });
    expect(en.input.problem(emfile)).toBe("EMFILE: too many open files, open '/var/log/ufw.log'");
    const z = zh.input.problem(emfile);
    expect(z).toMatch(CJK);
    expect(z).not.toContain('too many open files');
    expect(z).toContain('EMFILE');
    const eio: InputProblem = { code: 'read-error', line: 7, message: 'EIO: i/o error, read', errno: 'EIO' };
    expect(en.input.problem(eio)).toBe('read error after line 7: EIO: i/o error, read');
    expect(zh.input.problem(eio)).not.toContain('i/o error');
    // A code without Chinese words still says what the system said.
    expect(zh.input.problem({ code: 'system-error', message: 'EWHATEVER: odd', errno: 'EWHATEVER' })).toContain('EWHATEVER: odd');
  });

  it('input problems at line 0 say "before the first line", not "after line 0"', () => {
    const bad: InputProblem = { code: 'gzip-cut', line: 0, why: 'incorrect header check' };
    expect(en.input.problem(bad)).toBe('gzip data is truncated or corrupt before its first line (incorrect header check)');
    expect(zh.input.problem(bad)).toBe('gzip 数据在第一行之前被截断或已损坏（头部不是 gzip 格式）');
    expect(en.input.problem({ code: 'read-error', line: 0, message: 'EIO: i/o error, read' })).toBe('read error before the first line: EIO: i/o error, read');
    expect(zh.input.problem({ code: 'read-error', line: 0, message: 'EIO: i/o error, read', errno: 'EIO' })).toMatch(/^第一行之前读取出错：/);
    expect(en.input.problem({ ...bad, line: 1 })).toContain('after line 1');
  });

  it('commander usage errors: every code worded in both languages, the Chinese in Chinese, naming the option or value', () => {
    for (const p of Object.values(COMMANDER)) {
      const z = zh.usage.commander(p);
      expect(z, p.code).toMatch(CJK);
      expect(z).not.toBe(en.usage.commander(p));
      const named = 'flag' in p ? p.flag : 'flags' in p ? p.flags : 'name' in p ? p.name : p.command!;
      expect(z, p.code).toContain(named);
      expect(en.usage.commander(p), p.code).toContain(named);
    }
    expect(zh.usage.commander(COMMANDER['commander.invalidArgument'])).toContain('“fr”');
    expect(zh.usage.seeHelp(null)).toBe('（用法见 `logscan --help`）');
    expect(en.usage.seeHelp(null)).toBe('(run `logscan --help` for usage)');
  });

  it('follow notices: every code worded in both languages, the Chinese in Chinese with no English words of the system left, no two alike', () => {
    for (const lang of ['en', 'zh'] as const) {
      const texts = Object.values(NOTICES).map((n) => messages(lang).follow.notice(n));
      expect(new Set(texts).size, lang).toBe(texts.length);
    }
    for (const n of Object.values(NOTICES)) {
      const z = zh.follow.notice(n);
      expect(z, n.code).toMatch(CJK);
      expect(z, n.code).not.toMatch(/i\/o error|permission denied|unexpected end|incorrect header/);
      for (const name of ['copy', 'file', 'base', 'name', 'first', 'last'] as const) if (name in n) expect(z, n.code).toContain((n as Record<string, unknown>)[name]);
    }
    // The English is what stderr said before the codes existed.
    expect(en.follow.notice(NOTICES['rotations-while-stopped'])).toBe('rotated 3 times while logscan was stopped; reading kern.log.2.gz, kern.log.1 before kern.log');
    expect(en.follow.notice({ ...NOTICES['rotations-while-stopped'], rotations: 2, reading: ['kern.log.1'] })).toBe('rotated twice while logscan was stopped; reading kern.log.1 before kern.log');
    expect(en.follow.notice(NOTICES['rotations-not-read'])).toBe('not read: 2 older rotations, kern.log.7.gz to kern.log.6.gz (a restart reads at most 4 rotations between the file it was reading and kern.log; logscan FILE reads them)');
    expect(en.follow.notice({ ...NOTICES['rotations-not-read'], count: 1, last: 'kern.log.7.gz' })).toBe('not read: one older rotation, kern.log.7.gz (a restart reads at most 4 rotations between the file it was reading and kern.log; logscan FILE reads them)');
    expect(en.follow.notice(NOTICES['fs-retry'])).toBe('cannot stat: permission denied; will keep trying');
    // A copy that broke off is not tried again: which copy, after which line, the unpacker's words.
    expect(en.follow.notice(NOTICES['copy-cut'])).toBe('/var/log/kern.log.1.xz: xz data is truncated or corrupt after line 4096 (xz: (stdin): Unexpected end of input); the rest of it is not read');
    expect(en.follow.notice({ code: 'copy-cut', file: '/var/log/kern.log.1.gz', problem: { code: 'gzip-cut', line: 12, why: 'unexpected end of file' } })).toBe(
      '/var/log/kern.log.1.gz: gzip data is truncated or corrupt after line 12 (unexpected end of file); the rest of it is not read',
    );
    expect(zh.follow.notice(NOTICES['copy-cut'])).toBe('/var/log/kern.log.1.xz：xz 数据在第 4,096 行之后被截断或已损坏（xz: (stdin): Unexpected end of input）；其余部分未读取');
    expect(zh.follow.notice(NOTICES['copy-cut'])).not.toMatch(/将继续重试/);
    // A compressed copy that cannot be read is not tried again either, and says so (it used to say "will keep trying").
    expect(en.follow.notice(NOTICES['copy-read-error'])).toBe(
      '/var/log/kern.log.1.gz: read error after line 4096: EIO: i/o error, read; the rest of it is not read (not retried: it would be unpacked again from its start; logscan FILE reads it)',
    );
    expect(zh.follow.notice(NOTICES['copy-read-error'])).toBe('/var/log/kern.log.1.gz：在第 4,096 行之后读取出错：系统错误：设备读写出错（输入/输出错误）（EIO）；其余部分未读取（不再重试：重试须从头重新解压；logscan FILE 可读取它）');
    for (const lang of ['en', 'zh'] as const) expect(messages(lang).follow.notice(NOTICES['copy-read-error'])).not.toMatch(/keep trying|继续重试/);
    // A plain copy is not unpacked: the reason not to retry is not that.
    const plain = { ...NOTICES['copy-read-error'], file: '/var/log/kern.log.1', packed: false };
    expect(en.follow.notice(plain)).toBe('/var/log/kern.log.1: read error after line 4096: EIO: i/o error, read; the rest of it is not read (not retried; logscan FILE reads it)');
    expect(zh.follow.notice(plain)).toBe('/var/log/kern.log.1：在第 4,096 行之后读取出错：系统错误：设备读写出错（输入/输出错误）（EIO）；其余部分未读取（不再重试；logscan FILE 可读取它）');
    // Bytes after a gzip copy's data: the report's words for a file, after the copy's name.
    expect(en.follow.notice(NOTICES['copy-trailing'])).toBe('/var/log/kern.log.1.gz: 12 bytes after the end of the gzip data are not gzip and were ignored (every line before them was read)');
    expect(zh.follow.notice(NOTICES['copy-trailing'])).toBe('/var/log/kern.log.1.gz：gzip 数据结束之后还有 12 字节不是 gzip 数据，已忽略（此前的每一行都已读取）');
    expect(en.follow.notice({ code: 'fs-retry', step: 'open', problem: { code: 'permission-denied' } })).toBe('permission denied; will keep trying');
    expect(en.follow.notice(NOTICES['rotation-unreadable'])).toBe('/var/log/kern.log.1: read error: EIO: i/o error, read; its lines are not read');
    expect(en.follow.notice({ code: 'waiting', nonUtf8Name: true })).toBe(`does not exist (yet); waiting for it${en.input.nonUtf8Hint}`);
    expect(zh.follow.notice({ code: 'waiting', nonUtf8Name: true })).toContain(zh.input.nonUtf8Hint);
    // A journal beside the path: the pipe that feeds follow instead, the same command in both languages.
    const j = { code: 'waiting', nonUtf8Name: false, journal: '/var/log/journal' } as const;
    expect(en.follow.notice(j)).toBe('does not exist (yet); waiting for it (if the firewall logs only to the journal, /var/log/journal: journalctl -k -f -o short-iso | logscan follow -)');
    expect(zh.follow.notice(j)).toBe('不存在（或尚未创建），等待它出现（如果防火墙只把日志写到 journal（/var/log/journal）：journalctl -k -f -o short-iso | logscan follow -）');
  });

  it('bzip2 data broken in its first block: no line read, and why, in both languages; xz and a later block as before', () => {
    const first = { code: 'unpack-cut' as const, name: 'bzip2' as const, line: 0, why: 'bzip2: Compressed file ends unexpectedly' };
    expect(en.input.problem(first)).toBe(
      'bzip2 data is truncated or corrupt before its first line (bzip2: Compressed file ends unexpectedly): no line could be read: bzip2 unpacks whole blocks (up to 900 kB of text each) and the break is in the first one',
    );
    expect(zh.input.problem(first)).toContain('只能整块解压（每块最多 900 kB 文本），而断处在第一块中');
    expect(en.input.problem({ ...first, line: 9000 })).toBe('bzip2 data is truncated or corrupt after line 9000 (bzip2: Compressed file ends unexpectedly)');
    expect(en.input.problem({ ...first, name: 'xz', why: 'xz: (stdin): Unexpected end of input' })).toBe('xz data is truncated or corrupt before its first line (xz: (stdin): Unexpected end of input)');
    expect(zh.input.problem({ ...first, line: 9000 })).not.toContain('整块');
  });

  it('zlib\'s words and errno codes: every Chinese entry is Chinese and none says the English again', () => {
    for (const [why, z] of Object.entries(ZLIB_WORDS)) {
      expect(z, why).toMatch(CJK);
      expect(zh.input.problem({ code: 'gzip-cut', line: 1, why })).not.toContain(why);
    }
    expect(zh.input.problem({ code: 'gzip-cut', line: 1, why: 'some new zlib words' })).toContain('zlib：some new zlib words');
    for (const [errno, z] of Object.entries(ERRNO_WORDS)) {
      expect(z, errno).toMatch(CJK);
      expect(zh.input.problem({ code: 'system-error', message: `${errno}: english words`, errno })).not.toContain('english words');
    }
  });

  it('durationText: one formatter for findings, folds and follow summaries, in both languages', () => {
    const spans = [0, 999, 1000, 1499, 59_600, 60_000, 3_599_000, 5_400_000, 36_000_000, 47 * 3_600_000, 50 * 3_600_000, 30 * 86_400_000, NaN];
    expect(spans.map((ms) => durationText(ms, 'en'))).toEqual(['<1 s', '<1 s', '1 s', '1 s', '60 s', '1 min', '60 min', '1.5 h', '10 h', '47 h', '2.1 d', '30 d', '<1 s']);
    expect([1000, 240_000, 5_400_000, 50 * 3_600_000].map((ms) => durationText(ms, 'zh'))).toEqual(['1 秒', '4 分钟', '1.5 小时', '2.1 天']);
  });

  it('messages(lang) picks the catalog', () => {
    expect(messages('en')).toBe(en);
    expect(messages('zh')).toBe(zh);
  });

  it('the eviction note counts evictions, not sources (a source can be evicted, come back and be evicted again)', () => {
    // samples/ufw.log with --max-sources 10: 268 evictions among 196 sources.
    expect(en.report.evicted(10, 268, 678)).toBe(
      'note: more than 10 sources; 268 evictions of least-recently-seen source profiles (678 events) left those events out of the ranking (a source can be evicted more than once; raise the cap with --max-sources).',
    );
    expect(en.report.evicted(10, 1, 1)).toContain('; 1 eviction of least-recently-seen source profiles (1 event) ');
    expect(en.report.md.evicted(10, 268)).toBe('More than 10 sources: 268 evictions of least-recently-seen source profiles left their events out of the ranking (a source can be evicted more than once).');
    expect(zh.report.evicted(10, 268, 678)).toContain('共被淘汰 268 次（678 个事件）');
    expect(zh.report.md.evicted(10, 268)).toContain('共被淘汰 268 次');
  });

  // "ports (300: 300 tcp, 0 udp)" said a protocol the source never used.
  it("a source's details name only the protocols it sent to; one that has all its ports is said beside the count", () => {
    expect(en.report.details.ports(300, false, 300, 0)).toBe('ports (300 tcp), the busiest');
    expect(en.report.details.ports(2, false, 0, 2)).toBe('ports (2 udp), the busiest');
    expect(en.report.details.ports(310, false, 300, 10)).toBe('ports (310: 300 tcp, 10 udp), the busiest');
    expect(en.report.details.ports(4096, true, 4096, 0)).toBe('ports (at least 4,096 tcp), the busiest');
    // Ports of another protocol (SCTP) are in the count but in neither split.
    expect(en.report.details.ports(305, false, 300, 0)).toBe('ports (305: 300 tcp), the busiest');
    expect(en.report.details.ports(3, false, 0, 0)).toBe('ports (3), the busiest');
    expect(zh.report.details.ports(300, false, 300, 0)).toBe('端口（tcp 300 个），包数最多的几个');
    expect(zh.report.details.ports(310, false, 300, 10)).toBe('端口（310 个：tcp 300，udp 10），包数最多的几个');
    expect(zh.report.details.ports(4096, true, 4096, 0)).toBe('端口（tcp 至少 4,096 个），包数最多的几个');
    expect(zh.report.details.ports(305, false, 300, 0)).toBe('端口（305 个：tcp 300），包数最多的几个');
    for (const lang of [en, zh]) expect(lang.report.details.ports(300, false, 300, 0)).not.toMatch(/udp|\b0\b/);
  });

  it('English keeps the words and plurals the report always had', () => {
    const f = en.finding;
    expect(f.moreFamilies(1)).toBe('+1 more family');
    expect(f.moreFamilies(7)).toBe('+7 more families');
    expect(f.verticalScan('300', null, '2 min')).toBe('vertical scan: 300 ports in 2 min');
    expect(f.verticalScan('1,025', '3', '3 min')).toBe('vertical scan: 1,025 ports on 3 hosts in 3 min');
    expect(f.horizontalSweep('12', f.portList(['22/tcp', '23/tcp'], 0), '11 s')).toBe('sweep of 12 hosts on 22/tcp, 23/tcp in 11 s');
    expect(f.stealthProbes(['NULL', 'XMAS', 'SYN+FIN'])).toBe('NULL, XMAS and SYN+FIN probes');
    expect(f.packetsTo(1, f.portList(['22/tcp', '23/tcp', '2323/tcp'], 2), null)).toBe('1 packet to 22/tcp, 23/tcp, 2323/tcp +2');
    expect(f.protoPackets(6, 'other')).toBe('6 other packets');
    expect(f.dialupLeftover(1)).toBe("dial-up leftover (1 packet meant for the address's previous holder)");
    expect(en.report.lines(1)).toBe('1 line');
    expect(en.report.sources(200_000, true)).toBe('≥200,000 sources');
    expect(en.daily.probes(1, '1', 1, 2)).toBe('1 packet from 1 source to 2 ports');
    expect(en.report.probesText(1, 1)).toBe('1 packet to 1 port');
    expect(en.report.probesBlocked(18, 1)).toBe('blocked: 18 packets to 1 port');
    // ICMP alone has no ports: "to 0 ports" would read as if the count were missing.
    expect(en.report.probesText(5, 0)).toBe('5 packets, none to a port');
    expect(en.report.probesBlocked(3, 0)).toBe('blocked: 3 packets, none to a port');
    expect(en.daily.probes(5, '1', 1, 0)).toBe('5 packets from 1 source, none to a port');
    expect(zh.report.probesText(5, 0)).toBe('5 个包，均不涉及端口');
    expect(zh.daily.probes(5, '1', 1, 0)).toBe('5 个包，来自 1 个来源，均不涉及端口');
    expect(en.notProbes({ own: 1, replies: 1, noise: 1, late: 1 })).toEqual([
      '1 packet sent from this side',
      '1 reply to its connections',
      '1 packet of LAN broadcast chatter',
      '1 late packet of a connection already under way',
    ]);
    expect(en.notProbes({ own: 0, replies: 2, noise: 0, late: 0 })).toEqual(['2 replies to its connections']);
    expect(en.notProbes({ own: 0, replies: 0, noise: 0, late: 65 })).toEqual(['65 late packets of connections already under way']);
    // Windows ALLOW rows are connections, CLOSE rows a session's end: counted apart from packets.
    expect(en.notProbes({ own: 136, replies: 0, noise: 0, late: 3, ownConnections: 120, lateConnections: 1 })).toEqual([
      '16 packets sent from this side',
      '120 connections from this side',
      '2 late packets of connections already under way',
      '1 end of a connection already under way',
    ]);
    // A Cisco ASA Teardown (a Windows ALLOW row) read as a reply is the server's end of one of this side's connections.
    expect(en.notProbes({ own: 0, replies: 25, noise: 0, late: 0, replyConnections: 18 })).toEqual(['7 replies to its connections', '18 server ends of its connections']);
    expect(en.notProbes({ own: 0, replies: 1, noise: 0, late: 0, replyConnections: 1 })).toEqual(['1 server end of one of its connections']);
    expect(zh.notProbes({ own: 0, replies: 25, noise: 0, late: 0, replyConnections: 18 })).toEqual(['7 个是对本方连接的回复', '18 个是本方连接的服务端记录']);
    // A Cisco ASA Teardown to a broadcast address is LAN chatter, and a connection.
    expect(en.notProbes({ own: 0, replies: 0, noise: 3, late: 0, noiseConnections: 1 })).toEqual(['2 packets of LAN broadcast chatter', '1 connection of LAN broadcast chatter']);
    expect(en.notProbes({ own: 0, replies: 0, noise: 2, late: 0, noiseConnections: 2 })).toEqual(['2 connections of LAN broadcast chatter']);
    expect(zh.notProbes({ own: 0, replies: 0, noise: 3, late: 0, noiseConnections: 1 })).toEqual(['2 个是局域网广播噪声', '1 个是局域网广播噪声的连接记录']);
    expect(en.report.packetsConnectionsAside(168, 1)).toBe(' (168 packets, 1 connection)');
    // A log of ALLOW rows only (this host's own connections) has no packets to name.
    expect(en.report.packetsConnectionsAside(0, 127)).toBe(' (127 connections)');
    expect(zh.report.packetsConnectionsAside(0, 127)).toBe('（127 个连接）');
    expect(f.serverReplies(['NTP'], 5, 0, 1)).toBe("NTP server replies (5 packets to client ports), 1 ICMP error about this side's own packets");
    expect(f.serverReplies([], 0, 0, 2)).toBe("2 ICMP errors about this side's own packets");
    expect(f.serverReplies([], 0, 1, 0)).toBe('1 ICMP echo/query reply');
    expect(f.serverReplies(['DNS'], 2, 3, 1)).toBe("DNS server replies (2 packets to client ports), 3 ICMP echo/query replies, 1 ICMP error about this side's own packets");
    expect(f.serverReplies(['service-port'], 4, 0, 0, 4)).toBe('service-port server replies (4 connections to client ports)');
    expect(f.serverReplies(['TCP', 'service-port'], 3, 1, 0, 2)).toBe('TCP/service-port server replies (1 packet and 2 connections to client ports), 1 ICMP echo/query reply');
    expect(zh.finding.serverReplies(['服务端口'], 3, 0, 0, 2)).toBe('服务端口服务器回复（1 个包和 2 个连接发往客户端端口）');
    expect(f.latePackets(1, '443/tcp', true, 'ACK/RST, no SYN')).toBe('1 late packet of a connection the firewall had forgotten (ACK/RST, no SYN), to 443/tcp');
    expect(f.latePackets(45, null, false, 'ACK/RST, no SYN')).toBe('45 late packets of connections already under way (ACK/RST, no SYN)');
    expect(f.latePackets(2, null, false, 'CLOSE rows: ends of sessions')).toBe('2 late packets of connections already under way (CLOSE rows: ends of sessions)');
    // Packets and connections together: "3 of them" after "3 connections" read as three connections (let
    // through) to ports that only saw dropped packets.
    expect(f.packetsSomeTo(11, 3, '137/udp, 138/udp, 2234/udp', 3)).toBe('8 packets and 3 connections; 3 of these 11 to 137/udp, 138/udp, 2234/udp');
    expect(f.packetsSomeTo(510, 4, '39480/tcp')).toBe('510 packets, 4 of them to 39480/tcp');
    expect(f.packetsSomeTo(5, 2, '445/tcp', 5)).toBe('5 connections, 2 of them to 445/tcp');
    expect(zh.finding.packetsSomeTo(11, 3, '137/udp、138/udp', 3)).toBe('8 个包和 3 个连接，这 11 条记录中有 3 条发往 137/udp、138/udp');
    expect(zh.finding.packetsSomeTo(510, 4, '39480/tcp')).toBe('510 个包，其中 4 个发往 39480/tcp');
    // The probes beside a finding that covers part of a source: a space where a number or Latin text meets Chinese, none before Chinese.
    expect(zh.finding.uncovered(zh.finding.protoPackets(1, 'ICMP'))).toBe('；另有 1 个 ICMP 包');
    expect(zh.finding.uncovered(zh.finding.packetsTo(17, '137/udp', null))).toBe('；另有发往 137/udp 的 17 个包');
    expect(f.uncovered(f.packetsTo(17, '137/udp', null))).toBe('; and 17 packets to 137/udp');
  });

  it('Chinese reads as the admins expect: measure words, no plural, Chinese punctuation', () => {
    const f = zh.finding;
    expect(f.verticalScan('300', null, '2 分钟')).toBe('端口扫描：300 个端口，历时 2 分钟');
    // A source's "why" names the scan as its findings row does.
    expect(f.verticalScan('300', null, null).startsWith(`${zh.finding.label['vertical-scan']}：`)).toBe(true);
    expect(f.horizontalSweep('12', f.portList(['22/tcp', '23/tcp'], 0), '11 秒')).toBe('12 台主机上的横向扫描（22/tcp、23/tcp），历时 11 秒');
    expect(f.icmpSweep('14')).toBe('ping 扫描 14 台主机');
    expect(f.dialupLeftover(1)).toBe('拨号/DHCP 残留（1 个包发给该地址的上一个使用者）');
    expect(f.serverReplies(['DNS'], 20, 0, 0)).toBe('DNS 服务器回复（20 个包发往客户端端口）');
    expect(f.serverReplies(['FTP 数据'], 1, 0, 0)).toBe('FTP 数据服务器回复（1 个包发往客户端端口）');
    expect(f.serverReplies(['NTP'], 5, 0, 1)).toBe('NTP 服务器回复（5 个包发往客户端端口），1 个关于本方所发数据包的 ICMP 差错报文');
    expect(f.serverReplies([], 0, 0, 2)).toBe('2 个关于本方所发数据包的 ICMP 差错报文');
    expect(f.serverReplies([], 0, 3, 0)).toBe('3 个 ICMP 回显/查询应答');
    // Spaces only where Latin meets Chinese; one kind of bracket on a line.
    expect(zh.follow.window('5 分钟', 12, 5, true)).toBe('── 最近 5 分钟：来自至少 5 个来源的 12 个事件');
    expect(zh.follow.window('5 分钟', 12, 5)).toBe('── 最近 5 分钟：来自 5 个来源的 12 个事件');
    expect(zh.daily.blockedOfLogged(189, '97%', 195)).toBe('189（占所记录 195 个包的 97%）');
    expect(`丢弃 265${zh.aside('100%')}`).toBe('丢弃 265（100%）');
    expect(zh.report.logGaps(14, 0, 1, null, 'INFO-EVENTS-LOST')).toBe('防火墙有 14 条记录未能写入（1 行 INFO-EVENTS-LOST）：这段时间前后的统计偏低');
    expect(zh.report.logGaps(18, 0, 1, null, 'IPACCESSLOGRL')).toBe('防火墙有 18 条记录未能写入（1 行 IPACCESSLOGRL）：这段时间前后的统计偏低');
    expect(zh.report.logGaps(14, 1, 2, null, 'INFO-EVENTS-LOST')).toMatch(/^防火墙至少有 14 条记录未能写入/);
    expect(zh.report.logGaps(0, 1, 1, null, 'INFO-EVENTS-LOST')).toMatch(/^防火墙有一些记录未能写入/);
    expect(zh.daily.skipReason({ kind: 'duplicate', lines: 'kernel', earlier: 'kern.log' })).toBe('其中的内核记录在 kern.log 中已有');
    expect(f.packetsTo(5, '22/tcp', null)).toBe('发往 22/tcp 的 5 个包');
    expect(f.packetsTo(9, f.portList(['22/tcp', '23/tcp', '2323/tcp'], 2), null)).toBe('发往 22/tcp、23/tcp、2323/tcp 等 5 个端口的 9 个包');
    expect(f.protoPackets(6, f.otherProto)).toBe('6 个其他协议包');
    expect(f.protoPackets(6, 'ICMP')).toBe('6 个 ICMP 包');
    expect(f.protoPackets(5, f.protoNames(['GRE', 'ESP', 'AH'], 2))).toBe('5 个 GRE/ESP/AH 等 5 种协议的包');
    expect(f.protoPackets(2, f.protoNames(['GRE', 'ESP'], 0))).toBe('2 个 GRE/ESP 包');
    expect(f.stealthProbes(['NULL', 'XMAS'])).toBe('NULL 和 XMAS 探测');
    expect(zh.report.lines(1)).toBe('1 行');
  });

  it("the follow notice about names that give no order says which do, logrotate's extension form included, in both languages", () => {
    const n: FollowNotice = { code: 'unordered-not-read', files: ['fw_1'] };
    for (const text of [en.follow.notice(n), zh.follow.notice(n)]) {
      expect(text).toContain('-20261206');
      expect(text).toContain('fw.1.log');
      expect(text).toContain('.gz');
    }
  });

  it('the files argument names every compression logscan reads, and the command each needs, in both languages (not just .gz)', () => {
    for (const help of [en.help, zh.help]) {
      for (const text of [help.files, help.dailyFiles]) {
        expect(text).toContain('.gz');
        for (const u of UNPACKERS) {
          expect(text).toContain(u.suffix);
          expect(text).toContain(u.command);
        }
      }
    }
  });

  it('--output <file> names its value as the placeholder does, not FILE, in both languages', () => {
    for (const help of [en.help, zh.help]) {
      for (const text of [help.reportOutput, help.dailyOutput]) {
        expect(text).toMatch(/^(write to|写入) <file> /);
        expect(text).not.toContain('FILE');
      }
    }
  });

  it("zh: a scan's why line names it with its finding's label (UDP 端口扫描, 慢速端口扫描), as the port scan's does", () => {
    const f = zh.finding;
    expect(f.verticalScan('40', null, null)).toMatch(new RegExp(`^${f.label['vertical-scan']}：`));
    expect(f.udpScan('20', null)).toMatch(new RegExp(`^${f.label['udp-scan']}：`));
    expect(f.slowScan('20', '3 小时', '7')).toMatch(new RegExp(`^${f.label['slow-scan']}：`));
  });

  it('--state <dir>, --log-dir <dir>, --geoip <dir> and --ignore <file> name their value as the placeholder does, not DIR or FILE, in both languages', () => {
    for (const help of [en.help, zh.help]) {
      for (const [text, placeholder] of [[help.dailyState, '<dir>'], [help.dailyLogDir, '<dir>'], [help.geoip, '<dir>'], [help.ignore, '<file>']] as const) {
        expect(text).toContain(placeholder);
        expect(text).not.toMatch(/\b(DIR|FILE)\b/);
      }
    }
    expect(en.usage.logDirAndFiles).not.toContain('FILE');
  });
});
