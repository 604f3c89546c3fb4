// The Chinese message catalog (--lang zh), for firewall admins who read the seed
// articles this tool is built from. Same keys as en.ts (the type says so). Chinese has
// no plural: counts take a measure word (个, 台, 行). Technical tokens stay as they are
// (TCP, NULL, 22/tcp, ids, options); a space separates them from Chinese characters.
import { capped, fmtInt } from '../util/number-text.js';
import type { FlagClass } from '../aggregate/profile-codes.js';
import { MAX_YEAR, MIN_YEAR } from '../util/year-range.js';
import { blockKB, JOURNAL_DAILY, JOURNAL_FOLLOW, mixedRows, portSplit, type FoldGoing, type IgnoreLineProblem, type Messages } from './en.js';
import type { FoldSpread } from '../live/fold.js';
import type { SettingsChange } from '../daily/digest.js';
import type { SystemLimit } from '../errors.js';
import type { LineFate } from '../check/check.js';
import type { TrafficKind } from '../aggregate/own-traffic.js';

const unmatchedZone = (abbr: string, zone: string): string =>
  `日志时间注明的时区 ${abbr} 不是 ${zone} 在该时刻的名称：仍按 ${zone} 的时间解读（可用 --tz 指定日志所在的时区）`;

/** What an older --state digest may have counted otherwise, per format (basisCountedOtherwise). */
const COUNTED_OTHERWISE_ZH: Readonly<Record<string, string>> = {
  'cisco-asa': '把 Cisco ASA 的 Built 和 Teardown 记录算作包、把 Teardown 算作探测',
};

/** What basisOtherSettings names for each setting that differed (after 不同的). */
const OTHER_SETTING_ZH: Readonly<Record<SettingsChange, string>> = {
  thresholds: '检测阈值（--config、--scan-ports、--sweep-hosts）',
  ignore: ' --ignore 列表',
  homeNet: '本方网络（--home-net）',
  signatures: ' --signatures 目录内容',
};
/** 甲、乙和丙. */
const named = (name: string, id: string): string => `${name}（${id}）`;
// An item that opens with an option keeps its space after 不同的 and 和, but not after 、, which is spaced already: "（…）、--ignore 列表".
const joinZh = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join('、')}和${xs[xs.length - 1]}`).replace(/、 /g, '、');

const opt = (s: string | null, f: (s: string) => string): string => (s === null ? '' : f(s));
const lasting = (d: string | null): string => opt(d, (x) => `，历时 ${x}`);

/**
 * zlib 说明 gzip 数据哪里坏了的原话（zlib inflate.c 的固定消息，以及 gunzip.ts 自己的三句），
 * 按原话译出：InputProblem 的 gzip-cut 只带这句英文（why），JSON 与标准错误输出保留英文原话。
 */
export const ZLIB_WORDS: Readonly<Record<string, string>> = {
  'unexpected end of file': '数据在文件结束前中断',
  'incorrect data check': '校验和与数据不符',
  'incorrect length check': '长度校验与数据不符',
  'incorrect header check': '头部不是 gzip 格式',
  'unknown compression method': '压缩方法未知',
  'unknown header flags set': '头部带有未知标志',
  'header crc mismatch': '头部校验和不符',
  'invalid window size': '窗口大小无效',
  'invalid block type': '压缩块类型无效',
  'invalid stored block lengths': '存储块的长度字段自相矛盾',
  'too many length or distance symbols': '长度或距离符号过多',
  'invalid code lengths set': '码长表无效',
  'invalid bit length repeat': '码长的重复项无效',
  'invalid code -- missing end-of-block': '编码表缺少块结束符',
  'invalid literal/lengths set': '字面值/长度编码表无效',
  'invalid distances set': '距离编码表无效',
  'invalid literal/length code': '字面值/长度编码无效',
  'invalid distance code': '距离编码无效',
  'invalid distance too far back': '回溯距离超出了已解压的数据',
};

/** --ignore 文件中某行的问题（enrich/ignore.ts）。 */
const IGNORE_LINE: Readonly<Record<IgnoreLineProblem, string>> = {
  'port-syntax': '应写作“port N”“port N/udp”或“port N-M/tcp”',
  'port-range': '端口为 0-65535，范围须由小到大',
  'iface-syntax': '应写作“iface NAME”',
  'entry-syntax': '应为地址或 CIDR 网段、“port …”或“iface …”',
  'not-address': '不是地址或 CIDR 网段',
};

/** check --line 所看的那一行的去向（check/check.ts LineFate）。 */
const LINE_FATE_ZH: Readonly<Record<LineFate, string>> = {
  event: '得到事件',
  skipped: '跳过',
  malformed: '格式错误',
  none: '本行没有自己的记录（属于一条多行记录）',
  absent: '超出了输入的末尾',
};

/** 这个事件在报告和每日摘要的探测计数里算什么（aggregate/own-traffic.ts）。 */
const COUNTS_AS_ZH: Readonly<Record<TrafficKind, string>> = {
  probe: '探测',
  own: '非探测：本方发出的流量',
  reply: '非探测：对本方连接的回复',
  noise: '非探测：局域网广播噪声',
  late: '非探测：已在进行中的连接的迟到报文（带 ACK 或 RST，没有 SYN）',
  gap: '不是数据包：防火墙记下有记录未能写入（日志缺口）',
};

/** 运行碰到的系统限制，以及用户能做什么（errors.ts systemLimit）。 */
const SYSTEM_LIMITS_ZH: Readonly<Record<SystemLimit, string>> = {
  EMFILE: '本进程已不能再打开文件：请提高上限（ulimit -n）后重新运行',
  ENFILE: '整个系统已不能再打开文件：请关闭其他程序，或提高系统上限（fs.file-max）',
  ENOMEM: '系统内存不足',
  ENOSPC: '写入的设备上已没有剩余空间',
};

/** 设置出自哪里：--config 文件（file），或命令行选项（null）。 */
const settingsOf = (file: string | null): string => (file === null ? '命令行选项' : `--config ${file}`);

/** 系统调用失败的原因，按 errno 代码（system-error、read-error 的 errno）；没有的代码照录系统的英文原话。 */
export const ERRNO_WORDS: Readonly<Record<string, string>> = {
  EIO: '设备读写出错（输入/输出错误）',
  EMFILE: '本进程打开的文件过多（可用 ulimit -n 提高上限）',
  ENFILE: '整个系统打开的文件过多',
  ENOMEM: '内存不足',
  EAGAIN: '资源暂时不可用',
  EBUSY: '设备或资源正忙',
  ENXIO: '设备不存在或尚未就绪',
  ENODEV: '没有这个设备',
  ETIMEDOUT: '操作超时',
  ESTALE: '网络文件系统的文件句柄已失效',
  EINVAL: '参数无效（这种文件可能无法按普通文件读取）',
  EOVERFLOW: '文件过大，无法这样读取',
  EFBIG: '文件过大',
  EINTR: '系统调用被中断',
  ECONNRESET: '连接被对方重置',
  EPIPE: '管道已断开',
  EBADF: '文件描述符无效',
  ENOTSUP: '不支持此操作',
  EOPNOTSUPP: '不支持此操作',
};

/** zlib 的原话译成中文；不认识的原话照录，标明出自 zlib。 */
const zlibWords = (why: string): string => (Object.hasOwn(ZLIB_WORDS, why) ? ZLIB_WORDS[why]! : `zlib：${why}`);

/** 系统错误按 errno 代码说成中文，代码附在后面以便查找；没有译文的照录系统原话。 */
const systemWords = (message: string, errno: string | undefined): string =>
  errno !== undefined && Object.hasOwn(ERRNO_WORDS, errno) ? `${ERRNO_WORDS[errno]!}（${errno}）` : message;

const unitNoun = (unit: 'packets' | 'connections' | 'records'): string => (unit === 'packets' ? '包数' : unit === 'connections' ? '连接数' : '记录数');
const unitMeasure = (unit: 'packets' | 'connections' | 'records'): string => (unit === 'packets' ? '个包' : unit === 'connections' ? '个连接' : '条记录');

/** 一批日志记录是什么：Windows 防火墙每放行一个连接写一行 ALLOW（OPEN、CLOSE），每丢弃一个包写一行 DROP；Cisco ASA 每个连接写一条 Built 和一条 Teardown 记录。“3 个包”“2 个连接”“1 个包和 1 个连接”；不知其构成时为“3 条记录”。 */
function rowsText(n: number, connections: number | null = 0): string {
  if (connections === null) return `${fmtInt(n)} 条记录`;
  if (connections <= 0) return `${fmtInt(n)} 个包`;
  if (connections >= n) return `${fmtInt(n)} 个连接`;
  return `${fmtInt(n - connections)} 个包和 ${fmtInt(connections)} 个连接`;
}

/** 折叠的探测去了哪里：“，发往 118 个端口”“，全部发往 22/tcp”“，发往 14 台主机的 23/tcp”。 */
function foldedTo(n: number, to: FoldSpread): string {
  const hosts = capped(to.hosts, to.hosts >= to.cap);
  const on = to.hosts > 1 ? `${hosts} 台主机的 ` : '';
  if (to.onlyPort !== null) return on === '' ? `，${n > 1 ? '全部' : ''}发往 ${to.onlyPort}` : `，发往 ${on}${to.onlyPort}`;
  if (to.ports > 1) return `，发往 ${on}${capped(to.ports, to.portsCapped)} 个端口`;
  return to.hosts > 1 ? `，发往 ${hosts} 台主机` : '';
}

/** 折叠计数之后，来源已折叠不止一个窗口时：“（自 09:41:07 起持续，至今共 1,310 条）”。 */
function foldedGoing(g: FoldGoing | null): string {
  if (g === null) return '';
  return `（${g.since !== null ? `自 ${g.since} 起持续` : `已持续 ${g.lasted}`}，至今共 ${fmtInt(g.probes)} 条）`;
}

/** 包的去向：“，发往 3 个端口”；只有 ICMP 等无端口协议时说“，均不涉及端口”（而非“发往 0 个端口”）。 */
const toPorts = (ports: number, isCapped = false): string => (ports > 0 ? `，发往 ${capped(ports, isCapped)} 个端口` : '，均不涉及端口');

/** "a"、"a 和 b"、"a、b 和 c". */
function joinAnd(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join('、')} 和 ${xs[xs.length - 1]}`;
}

/** A few ports, then "等 N 个端口" for the whole count when some are left out. */
function portList(ports: readonly string[], more: number): string {
  return `${ports.join('、')}${more > 0 ? ` 等 ${fmtInt(ports.length + more)} 个端口` : ''}`;
}

const LATIN_START = /^[\x21-\x7e]/;
const LATIN_END = /[\x21-\x7e]$/;

/** `s`, and a space when Chinese follows a Latin end: "22/tcp 的", "7 个端口的". */
function latinGap(s: string): string {
  return LATIN_END.test(s) ? `${s} ` : s;
}

/** Spaces where Latin text meets Chinese, none between Chinese characters: "6 个 TCP 包", "6 个其他协议包". */
function spaced(s: string): string {
  return `${LATIN_START.test(s) ? ' ' : ''}${s}${LATIN_END.test(s) ? ' ' : ''}`;
}

/** “是否想用“check”？” for commands near a mistyped one, else nothing. */
const nearHintZh = (near: readonly string[]): string => (near.length > 0 ? `是否想用${near.map((c) => `“${c}”`).join('或')}？` : '');

/** The TCP flag classes of a source's details by the flags' own names, as nmap and the findings say them (NULL 隐蔽探测); only "other" is a word. */
const ZH_FLAG_CLASSES: Readonly<Record<FlagClass, string>> = { syn: 'SYN', null: 'NULL（无标志）', fin: 'FIN', xmas: 'XMAS', synfin: 'SYN+FIN', ack: 'ACK', other: '其他' };

export const zh: Messages = {
  colon: '：',
  listSep: '、',
  // 全角括号自带间距，其后的数字不再加空格（同 findingItem）：“已知端口（port-known）31”，“SYN 300”。
  namedCount: (name, count) => (name.endsWith('）') ? `${name}${count}` : `${name} ${count}`),
  nameSep: '；',
  aside: (s) => `（${s}）`,
  severity: ['信息', '提示', '低', '中', '高', '严重'],
  action: { drop: '丢弃', reject: '拒绝', allow: '放行', other: '其他' },
  direction: { in: '入站', out: '出站', forward: '转发', unknown: '未知' },
  invalidAddress: { note: '记录中的地址不是有效的 IP 地址', name: '无效的 IP 地址' },
  zones: {
    zoneless: (zone, given) =>
      given ? `日志中未注明时区的时间按 ${zone} 解读（--tz）` : `日志中未注明时区的时间按本机时区 ${zone} 解读，可用 --tz 另行指定`,
    zonelessSome: (n, of, zone, given) =>
      `按 syslog 头定时的 ${fmtInt(of)} 条记录中有 ${fmtInt(n)} 条的头未注明时区（其余的注明了）：` +
      (given ? `按 ${zone} 解读（--tz）` : `按本机时区 ${zone} 解读，可用 --tz 另行指定`),
    namedZone: (abbr, zone, given) =>
      given
        ? `日志注明了时区 ${abbr}，即 ${zone} 在该时刻的名称：按 ${zone} 的时间解读（--tz）`
        : `日志注明了时区 ${abbr}，即本机时区 ${zone} 在该时刻的名称：按 ${zone} 的时间解读，可用 --tz 另行指定`,
    unmatchedZone,
  },
  icmpType: {
    icmp: {
      0: '回显应答',
      3: '目的不可达',
      4: '源抑制',
      5: '重定向',
      8: '回显请求（ping）',
      9: '路由器通告',
      10: '路由器请求',
      11: '超时',
      12: '参数问题',
      13: '时间戳请求',
      14: '时间戳应答',
      15: '信息请求',
      16: '信息应答',
      17: '地址掩码请求',
      18: '地址掩码应答',
    },
    icmpv6: {
      1: '目的不可达',
      2: '数据包过大',
      3: '超时',
      4: '参数问题',
      128: '回显请求（ping）',
      129: '回显应答',
      130: '组播侦听查询',
      131: '组播侦听报告',
      132: '组播侦听结束',
      133: '路由器请求',
      134: '路由器通告',
      135: '邻居请求',
      136: '邻居通告',
      137: '重定向',
      143: '组播侦听报告 v2',
    },
  },
  explain: {
    stdinTerminal: '正在从终端读取日志行；粘贴之后按 Ctrl-D 结束',
    stdinFirstLines: (max) => `只读了标准输入的前 ${max} 行；要分析整份日志，请用 \`logscan -\` 生成报告`,
    notExplained: (reason) => `${reason}；未予解释`,
    overlongLines: (n, max) => `有 ${fmtInt(n)} 行长于 ${fmtInt(max)} 个字符，未予解释`,
    direction: {
      in: (iface) => `${iface ? `从 ${iface} ` : ''}进入本机`,
      inDevice: (iface) => `${iface ? `从 ${iface} ` : ''}进入防火墙`,
      out: (iface) => `${iface ? `从 ${iface} ` : ''}离开本机`,
      forward: (from, to) => `由本机转发${from ? `，从 ${from} 进` : ''}${to ? `，从 ${to} 出` : ''}`,
    },
    accessList: (list, code) => `由访问控制列表 ${list} 处理（消息 ID ${code}）`,
    messageId: (code) => `消息 ID ${code}`,
    actionColumn: (action) => `日志中的动作为 ${action}`,
    situation: (when) => `${when}：`,
    named,
  },
  noProbes: '无',
  notProbes: ({ own, replies, noise, late, ownConnections = 0, lateConnections = 0, replyConnections = 0, noiseConnections = 0 }) =>
    [
      own > ownConnections ? `本方发出 ${fmtInt(own - ownConnections)} 个包` : '',
      ownConnections > 0 ? `本方发起的 ${fmtInt(ownConnections)} 个连接` : '',
      replies > replyConnections ? `${fmtInt(replies - replyConnections)} 个是对本方连接的回复` : '',
      replyConnections > 0 ? `${fmtInt(replyConnections)} 个是本方连接的服务端记录` : '',
      noise > noiseConnections ? `${fmtInt(noise - noiseConnections)} 个是局域网广播噪声` : '',
      noiseConnections > 0 ? `${fmtInt(noiseConnections)} 个是局域网广播噪声的连接记录` : '',
      late > lateConnections ? `${fmtInt(late - lateConnections)} 个是已在进行中的连接的迟到报文` : '',
      lateConnections > 0 ? `${fmtInt(lateConnections)} 个是已在进行中的连接的结束记录` : '',
    ].filter(Boolean),

  duration: {
    underSecond: '不到 1 秒',
    seconds: (v) => `${v} 秒`,
    minutes: (v) => `${v} 分钟`,
    hours: (v) => `${v} 小时`,
    days: (v) => `${v} 天`,
  },

  finding: {
    partSep: '；',
    outboundMalware: (families) => `本方主动外连恶意软件端口：${families}`,
    outboundBlocked: (kinds) => `外连被拦截：${kinds}`,
    allowedIn: (n, to, connections) => `已放行进入：发往 ${latinGap(to)}的 ${rowsText(n, connections)}`,
    allowedAll: '（已放行）',
    allowedSome: (n) => `（其中 ${fmtInt(n)} 个已放行）`,
    allowedPart: (n, connections) => `${rowsText(n, connections)}被放行进入`,
    loggedPids: (pids, more) => `，日志记录的进程 PID ${pids.join('、')}${more ? ' 等' : ''}`,
    trojanFamily: (family, ports, more) => `${family} ${portList(ports, more)}`,
    moreFamilies: (n) => `另有 ${fmtInt(n)} 个家族`,
    // Worded as the findings' labels (finding.label: 端口扫描, UDP 端口扫描, 慢速端口扫描), so the row and the "why" line name one thing.
    verticalScan: (ports, hosts, duration) => `端口扫描：${opt(hosts, (h) => `${h} 台主机上的 `)}${ports} 个端口${lasting(duration)}`,
    horizontalSweep: (hosts, on, duration) => `${hosts} 台主机上的横向扫描（${on}）${lasting(duration)}`,
    portList,
    portCount: (n) => `${n} 个端口`,
    udpScan: (ports, duration) => `UDP 端口扫描：${ports} 个端口${lasting(duration)}`,
    protoScan: (protocols, duration) => `IP 协议扫描：${fmtInt(protocols)} 种协议${lasting(duration)}`,
    stealthProbes: (labels) => `${joinAnd(labels)} 探测`,
    ackSweep: (hosts, ports) => `ACK 扫描：${hosts} 台主机，${ports}`,
    slowScan: (ports, duration, perHour) => `慢速端口扫描：${ports} 个端口，历时 ${duration}（每小时 ${perHour} 个）`,
    slowPace: (perHour) => `，慢速（每小时 ${perHour} 个端口）`,
    icmpSweep: (hosts) => `ping 扫描 ${hosts} 台主机`,
    packetsTo: (n, to, duration, connections) => `发往 ${latinGap(to)}的 ${rowsText(n, connections)}${lasting(duration)}`,
    packetsSomeTo: (n, some, to, connections) =>
      // 包和连接并列时，“其中 3 个”会被读成 3 个连接（即放行的流量）。
      mixedRows(n, connections)
        ? `${rowsText(n, connections)}，这 ${fmtInt(n)} 条记录中有 ${fmtInt(some)} 条发往 ${to}`
        : `${rowsText(n, connections)}，其中 ${fmtInt(some)} 个发往 ${to}`,
    ownBlockedAll: (sent) => `本方自身外发的流量被拦截：${sent}`,
    ownBlockedSome: (n) => `（其中 ${fmtInt(n)} 个是本方外发时被拦截的）`,
    uncovered: (sent) => `；另有${LATIN_START.test(sent) ? ' ' : ''}${sent}`,
    // After a full-width bracket the count needs no space, as on the findings line.
    annotationItem: (name, id, packets) => (name === null ? id + (packets > 1 ? ` ×${fmtInt(packets)}` : '') : `${named(name, id)}${packets > 1 ? `×${fmtInt(packets)}` : ''}`),
    protoPackets: (n, proto, connections = 0) =>
      connections !== null && connections <= 0 ? `${fmtInt(n)} 个${spaced(proto)}包` : `${rowsText(n, connections)}（${proto}）`,
    otherProto: '其他协议',
    protoNames: (names, more) => `${names.join('/')}${more > 0 ? ` 等 ${fmtInt(names.length + more)} 种协议的` : ''}`,
    icmpTypes: (names, more) => `：${names.join('、')}${more > 0 ? ` 等 ${fmtInt(names.length + more)} 种` : ''}`,
    icmpTypeNumber: (type) => `类型 ${type}`,
    traceroute: (n) => `traceroute（${fmtInt(n)} 个探测包）`,
    outboundTraceroute: (n) => `本方发出的 traceroute（${fmtInt(n)} 个探测包）`,
    dialupLeftover: (n) => `拨号/DHCP 残留（${fmtInt(n)} 个包发给该地址的上一个使用者）`,
    serverReplies: (labels, n, icmpReplies, icmpErrors, connections) =>
      [
        n > 0 ? `${latinGap(labels.join('/'))}服务器回复（${rowsText(n, connections)}发往客户端端口）` : '',
        icmpReplies > 0 ? `${fmtInt(icmpReplies)} 个 ICMP 回显/查询应答` : '',
        icmpErrors > 0 ? `${fmtInt(icmpErrors)} 个关于本方所发数据包的 ICMP 差错报文` : '',
      ]
        .filter((s) => s !== '')
        .join('，'),
    latePackets: (n, to, forgotten, kinds, connections = 0) =>
      `${forgotten ? '防火墙已遗忘的' : '已在进行中的'}连接的 ${[n > connections ? `${fmtInt(n - connections)} 个迟到报文` : '', connections > 0 ? `${fmtInt(connections)} 条结束记录` : ''].filter(Boolean).join('和 ')}（${kinds}）${opt(to, (t) => `，发往 ${t}`)}`,
    noise: '局域网广播噪声',
    about: {
      'outbound-blocked': '防火墙拦下了本方机器在僵尸程序常用端口上的外连（smtp-outbound、irc-outbound、telnet-outbound、smb-outbound）：直接发信、IRC、telnet 或向其他网络的 Windows 共享。这不能证明已被感染，但应首先检查这台机器。',
      'outbound-malware': '本方机器向木马、蠕虫或广告软件的端口发送了流量（trojan-outbound、adbot-outbound）：那台机器上有程序在与之通信，说明它已被感染或是该恶意软件的控制端。应查出背后的进程。',
      'allowed-in': '防火墙放行了外部来源对敏感服务的探测（端口知识中严重度为 3 及以上的端口：RDP、SMB、SSH、数据库等），日志记为放行（Windows 防火墙的 ALLOW … RECEIVE，或会记录所放行流量的规则）。日志无法说明该服务是否作出了回应；请确认它是否应当对该来源开放，并检查其登录记录。',
      'trojan-probe': '探测木马、蠕虫或后门监听的端口：有人在寻找已被感染的机器。探测本身（无论被拦截还是仅被记录）并不说明本机已中毒；若只是大范围扫描顺带扫到，严重度只评为低。',
      'vertical-scan': '同一来源尝试了 15 个以上 TCP 端口（--scan-ports）：寻找可攻击服务的端口扫描。',
      'horizontal-sweep': '同一来源对 10 台以上主机尝试相同的少数端口（--sweep-hosts）：在整个网络中搜寻某一服务。',
      'udp-scan': '同一来源发往 15 个以上 UDP 端口：UDP 端口扫描（traceroute 只落在 33434-33600 之内）。',
      'proto-scan': '同一来源发送了 8 种以上 IP 协议的包：扫描的不是端口，而是协议号本身（如 nmap -sO），以探查本机应答哪些协议。',
      'null-scan': '完全不带标志位的 TCP 包（nmap -sN）：正常连接从不发送，是为绕过简单过滤并识别操作系统而构造的。',
      'xmas-scan': '同时置 FIN、PSH、URG 的 TCP 包（nmap -sX）：人为构造，不属于任何正常连接。',
      'synfin-scan': '同时置 SYN 和 FIN 的 TCP 包：正常协议栈不会发出的矛盾组合，用来规避过滤。',
      'fin-scan': '只带 FIN 的包发往 5 个以上端口（nmap -sF）；单个通常只是正常连接迟到的结束包。',
      'ack-scan': '只带 ACK 的包发往 5 个以上端口，或发往 10 台以上主机（nmap -sA，在整个网络上扫同一个端口）：在摸清防火墙过滤了哪些端口。正常连接的迟到 ACK 只会发往同一台主机的同一个端口。',
      'slow-scan': '一小时以上扫了 15 个以上端口、每分钟至多一个新端口：刻意放慢以躲避按速率检测的扫描。',
      'icmp-sweep': '向 10 台以上主机发送回显请求（ping）：在查找哪些地址在线。',
      'service-knock': '大量的包（15 个以上，且占该来源一半以上）发往少数主机的同一端口：对某一服务的密码猜测或反复尝试。',
      traceroute: '只落在 33434-33600 之内的 UDP：很可能是有人在追踪到你的路由；无害（本方外发的则是 outbound-traceroute）。',
      'outbound-traceroute': '本方发往 33434-33600 的外发 UDP：本方机器（traceroute、mtr）在探测到某个目的地的路径；无害，也不是对本方任何机器的探测。只有被出站规则拦下、或该机器另有值得注意的流量时才进入排名：放行出去的与浏览网页一样不进入排名。',
      'dialup-leftover': '发给你这个拨号/DHCP 地址上一个使用者的聊天、游戏、文件共享或 Sub-7 流量；并非针对你的攻击。',
      'server-replies': '该来源的大部分包是服务器的回复（按源端口判断：DNS、NTP、网页等）或反向散射，在防火墙已忘记连接后落到客户端端口，或是 ICMP 应答：关于以本方地址所发数据包的差错报文、对本方 ping 的回复；不是探测。',
      'late-packets':
        '该来源的大部分包带 ACK 或 RST 而无 SYN（stale-connection）：是防火墙已遗忘的连接的迟到报文，或是未给出处理结果、或被放行的会话报文。它们不建立任何连接，所以其端口和主机不算被探测，该来源排名靠后。扫描者的此类包则属于其扫描：只带 ACK 的包发往 5 个以上端口或 10 台以上主机（ack-scan，nmap -sA），或 SYN 扫描向有回应的端口发出的 RST。',
      noise: '该来源的大部分包是本网段的广播（DHCP、NetBIOS、SSDP 等）；无害。',
    },
    label: {
      'outbound-malware': '本方外连恶意软件端口',
      'outbound-blocked': '僵尸程序端口外连被拦',
      'allowed-in': '探测被放行进入',
      'trojan-probe': '木马端口探测',
      'vertical-scan': '端口扫描',
      'horizontal-sweep': '跨主机横向扫描',
      'udp-scan': 'UDP 端口扫描',
      'proto-scan': 'IP 协议扫描',
      'null-scan': 'NULL 隐蔽探测',
      'xmas-scan': 'XMAS 隐蔽探测',
      'synfin-scan': 'SYN+FIN 隐蔽探测',
      'fin-scan': 'FIN 隐蔽扫描',
      'ack-scan': 'ACK 探查防火墙规则',
      'slow-scan': '慢速端口扫描',
      'icmp-sweep': 'ping 存活主机扫描',
      'service-knock': '反复尝试同一服务',
      traceroute: '外来路由追踪',
      'outbound-traceroute': '本方发出的路由追踪',
      'dialup-leftover': '拨号/DHCP 残留流量',
      'server-replies': '服务器回复',
      'late-packets': '旧连接的残余记录',
      noise: '局域网广播噪声',
    },
  },

  report: {
    inputsCount: (n) => `${fmtInt(n)} 个输入`,
    lines: (n) => `${fmtInt(n)} 行`,
    events: (n) => `${fmtInt(n)} 个事件`,
    packetsAside: (n) => `（${fmtInt(n)} 个包）`,
    packetsConnectionsAside: (packets, connections) => `（${packets > 0 ? `${fmtInt(packets)} 个包，` : ''}${fmtInt(connections)} 个连接）`,
    skipped: (n) => `跳过 ${fmtInt(n)} 行`,
    malformed: (n) => `格式错误 ${fmtInt(n)} 行`,
    sources: (n, capped) => `${capped ? '≥' : ''}${fmtInt(n)} 个来源`,
    since: (t) => `自 ${t} 起`,
    logsBeginAfterSince: (first) => `读到的日志从 ${first} 才开始（是否漏给了更早的轮转文件？）`,
    until: (t) => `至 ${t}`,
    sourceFilter: (cidrs) => `来源 ${cidrs}`,
    minSeverity: (n) => `最低严重度 ${n}（${zh.severity[n] ?? ''}）`,
    leftOut: (n) => `（排除了 ${fmtInt(n)} 个事件）`,
    ignoredText: (n) => `${fmtInt(n)} 个事件匹配 --ignore 列表，已排除`,
    guessed: '（推测）',
    incomplete: (n, total, files) => `${fmtInt(total)} 个输入中有 ${fmtInt(n)} 个未读到末尾：${files}`,
    unread: (n, total, files) => `${fmtInt(total)} 个输入中有 ${fmtInt(n)} 个未能读取：${files}`,
    repeats: (share, records, other) =>
      `其中${share >= 0.995 ? '全部' : `约 ${Math.round(share * 100)}% 的`}记录（约 ${fmtInt(records)} 条）也从 ${other} 读到过：这些记录被重复计数；两个文件只需给出其一`,
    interrupted: (signal) => `被 ${signal} 中断：本报告只包含中断前读到的内容`,
    decodedLabel: '已解码',
    decoded: (encoding) => ` 是带字节序标记的 ${encoding} 文本（Windows PowerShell 5.1 用 > 或 Out-File 写出的文件即是如此），已按此编码读取`,
    decodedFrom: (encoding) => ` 已按 ${encoding} 编码读取（--encoding）`,
    invalidUtf8Label: '非 UTF-8',
    invalidUtf8: (lines) => `有 ${fmtInt(lines)} 行不是有效的 UTF-8（显示为 \ufffd）：如果设备以 GBK/GB18030 编码写日志，请用 --encoding gb18030 读取`,
    logGapsLabel: '日志缺口',
    logGaps: (records, uncounted, rows, when, marker) =>
      `防火墙${records === 0 ? '有一些' : `${uncounted > 0 ? '至少有' : '有'} ${fmtInt(records)} 条`}记录未能写入（${fmtInt(rows)} 行 ${marker}${uncounted > 0 && records > 0 ? `，其中 ${fmtInt(uncounted)} 行没有数量` : ''}${opt(when, (w) => `，${w}`)}）：这段时间前后的统计偏低`,
    noMatch: '没有符合筛选条件的事件。',
    noMatchSpan: (first, last) => `没有符合筛选条件的事件。读到的事件时间范围为 ${first} 至 ${last}。`,
    noRecords: '未找到防火墙记录。`logscan check FILE` 可以显示 logscan 如何解读这些行。',
    noRecordsShort: '未找到防火墙记录。',
    noLines: '未找到防火墙记录：一行也没有读到。',
    probesText: (packets, ports, portsCapped, connections) => `${rowsText(packets, connections)}${toPorts(ports, portsCapped)}`,
    probesBlocked: (packets, ports, portsCapped) => `被拦截：${fmtInt(packets)} 个包${toPorts(ports, portsCapped)}`,
    protoNumber: (n) => `协议 ${n}`,
    moreProtocols: (n) => `另有 ${fmtInt(n)} 种`,
    moreLabels: (n) => `另有 ${fmtInt(n)} 个`,
    noRule: '（无）',
    ruleAccessList: (list, code) => `访问控制列表 ${list}（消息 ID ${code}）`,
    ruleMessageId: (code) => `消息 ID ${code}`,
    ruleMessage: (code, name) => `${code} ${name}`,
    ruleMessageList: {
      asaMessages: (message, list) => `${message}（${list}）`,
      sonicwallMessages: (message, rule) => `${message}，规则 ${rule}`,
    },
    ruleMessagesLead: {
      asaMessages: (first) => `ASA 消息 ${first}`,
      sonicwallMessages: (first) => `SonicWall 消息 ${first}`,
    },
    ruleBeforeCount: (label) => `${label}：`,
    daysBusiest: (n, first) => `共 ${fmtInt(n)} 天，最多的：${first}`,
    label: {
      filter: '筛选',
      ignored: '已忽略',
      probes: '探测',
      notProbes: '非探测',
      actions: '动作',
      protocols: '协议',
      direction: '方向',
      formats: '格式',
      loggedAs: '记录为',
      perHour: '每小时',
      perDay: '每天',
      findings: '检测结果',
      ranges: '地址',
      countries: '国家/地区',
      networks: '网络',
    },
    head: {
      input: '输入',
      format: '格式',
      lines: '行数',
      events: '事件数',
      skipped: '跳过',
      malformed: '格式错误',
      rank: '#',
      source: '来源',
      score: '评分',
      severity: '严重度',
      packets: '包数',
      connections: '连接数',
      records: '记录数',
      ports: '端口数',
      hosts: '主机数',
      seen: '出现时间',
      geo: '地理位置',
      country: '国家/地区',
      network: '网络',
      why: '原因',
      port: '端口',
      share: '占比',
      knownAs: '已知用途',
      interpretation: '解读',
      sev: '严重度',
      sourceCount: '来源数',
      example: '示例来源',
      meaning: '含义',
      target: '主机',
      targetPorts: '主要端口',
    },
    topSources: '主要来源',
    topSourcesOf: (shown, ranked) => `主要来源（共排名 ${fmtInt(ranked)} 个，显示前 ${fmtInt(shown)} 个）`,
    noneAtSeverity: (sev, ranked) => `没有严重度达到 ${sev}（${zh.severity[sev] ?? ''}）的来源（共排名 ${fmtInt(ranked)} 个）。`,
    topBy: (unit) => (unit === 'packets' ? '按包数排列的主要来源' : unit === 'connections' ? '按连接数排列的主要来源' : '按记录数排列的主要来源'),
    noneRanked: '没有排名：回环流量和本方自己的流量不算探测。',
    columnsLeftOut: (heads) => `因宽度所限未显示：${heads}`,
    unranked: (n, total) => `${fmtInt(total)} 个来源中有 ${fmtInt(n)} 个未排名：回环地址，或只有本方自己的流量（不算探测）`,
    mixedMeaning: (texts, shown, total, unit = 'packets', tied = false) =>
      `（该解读下有 ${texts} 种含义，此为${tied ? '其中之一，没有哪种比它更常见' : '最常见的一种'}：${fmtInt(total)} ${unit === 'packets' ? '个包' : unit === 'connections' ? '个连接' : '条记录'}中的 ${fmtInt(shown)} ${unit === 'records' ? '条' : '个'}）`,
    portsLateUncounted: (packets, sources, cap) =>
      `未计入此表：${fmtInt(sources)} 个扫描来源的 ${fmtInt(packets)} 个迟到报文（logscan 只为每个来源的前 ${fmtInt(cap)} 个端口逐一统计迟到报文）；探测一行已计入它们`,
    scanLateMeaning: (scanned, total, sources, unit = 'packets') =>
      scanned < total
        ? `（${fmtInt(total)} ${unitMeasure(unit)}中有 ${fmtInt(scanned)} ${unit === 'records' ? '条' : '个'}来自 ${fmtInt(sources)} 个被认定在扫描的来源，上方的计数已把它们算作该扫描的探测）`
        : `（全部来自 ${fmtInt(sources)} 个被认定在扫描的来源，上方的计数已把它们算作该扫描的探测）`,
    rangeItem: (name, sources) => `${name}：${fmtInt(sources)} 个来源`,
    // 全角括号自带间距，其后的数字不再加空格。
    findingItem: (label, id, sources) => `${label}（${id}）${sources}`,
    originItem: (name, packets, sources, connections = 0) => `${name}：${rowsText(packets, connections)}，${fmtInt(sources)} 个来源`,
    topPortsBlocked: (n) => `被探测最多的端口（已丢弃或拒绝：发往端口的 ${fmtInt(n)} 个包）`,
    topPorts: (n, unit = 'packets') => `主要目的端口（发往端口的 ${fmtInt(n)} ${unit === 'packets' ? '个包' : unit === 'connections' ? '个连接' : '条记录'}）`,
    topTargetsBlocked: (n) => `被探测最多的本方主机（已丢弃或拒绝：${fmtInt(n)} 个包）`,
    topTargets: (n, unit = 'packets') => `被探测最多的本方主机（${fmtInt(n)} ${unit === 'packets' ? '个包' : unit === 'connections' ? '个连接' : '条记录'}）`,
    otherTargets: (hosts, isCapped, share) => `另有 ${capped(hosts, isCapped)} 台主机，占其余的 ${share}。`,
    interpretations: '值得注意的解读',
    evicted: (cap, evicted, events) =>
      `注意：来源超过 ${fmtInt(cap)} 个；最久未出现的来源档案共被淘汰 ${fmtInt(evicted)} 次（${fmtInt(events)} 个事件），这些事件未计入排名（同一来源可能多次被淘汰；可用 --max-sources 提高上限）。`,
    osHintNoTtl: (without, shown) =>
      without >= shown ? '日志中没有 TTL：--os-hint 无从判断' : `显示的 ${fmtInt(shown)} 个来源中有 ${fmtInt(without)} 个没有记录 TTL：--os-hint 无从判断它们的系统`,
    osHint: (hint, ttl, win) => `${hint}（TTL ${ttl}${win !== null ? `，窗口 ${win}` : ''}）`,
    md: {
      title: 'logscan 报告',
      inputs: '输入',
      inputList: (n, files) => `${fmtInt(n)} 个（${files}）`,
      timeSpan: '时间范围',
      timeZone: '时区',
      records: '记录',
      filter: '筛选',
      ignored: '已忽略',
      incomplete: '不完整',
      problem: '问题',
      repeated: '重复计数',
      interrupted: '中断',
      interruptedText: (signal) => `被 ${signal} 中断；本报告只包含中断前读到的内容`,
      perHour: '每小时（00-23）',
      perDay: '每天',
      findings: '检测结果',
      ranges: '地址',
      topCountries: '主要国家/地区',
      topNetworks: '主要网络',
      evicted: (cap, evicted) => `来源超过 ${fmtInt(cap)} 个：最久未出现的来源档案共被淘汰 ${fmtInt(evicted)} 次，其事件未计入排名（同一来源可能多次被淘汰）。`,
    },
    details: {
      of: (ip) => `${ip} 的详情`,
      summary: '详情',
      seen: '首次与最后出现',
      findings: '检测结果',
      ports: (ports, capped, tcp, udp) => {
        const total = `${capped ? '至少 ' : ''}${fmtInt(ports)} 个`;
        const split = portSplit(tcp, udp);
        const [only] = split;
        const said = split.length === 1 && only![1] === ports ? `${only![0]} ${total}` : split.length === 0 ? total : `${total}：${split.map(([p, n]) => `${p} ${fmtInt(n)}`).join('，')}`;
        return `端口（${said}），包数最多的几个`;
      },
      hosts: '探测的主机',
      flags: 'TCP 标志（包数）',
      flagClass: (c) => ZH_FLAG_CLASSES[c],
      actions: (unit = 'packets') => `处理结果（${unitNoun(unit)}）`,
      rules: '记录为',
      interpretations: (unit = 'packets') => `解读（${unitNoun(unit)}）`,
      score: '评分',
      scoreParts: (breadth, findings, volume, persistence, factor) => `广度 ${breadth} + 检测结果 ${findings} + 数量 ${volume} + 持续性 ${persistence}，× ${factor}`,
    },
    html: {
      heading: '防火墙日志报告',
      span: (from, to, tz) => `${from} → ${to}（${tz}）`,
      toPorts: (n, isCapped = false) => toPorts(n, isCapped).replace(/^，/, ''),
      distinct: '不同的地址',
      chartTitle: (tz, unit = 'packets') => `一天中每小时的${unitNoun(unit)}（${tz}）`,
      dayHeading: '每天活动',
      dayChartTitle: (tz, unit = 'packets') => `每天的${unitNoun(unit)}（${tz}）`,
      dayBar: (day, packets, blocked, unit = 'packets') => `${day} · ${fmtInt(packets)} ${unitMeasure(unit)}，拦截 ${fmtInt(blocked)} 个`,
      footer: (version, files) => `logscan ${version} · 读取：${files}`,
    },
  },

  daily: {
    probes: (packets, sources, _sourcesN, ports, connections) => `${rowsText(packets, connections)}，来自 ${sources} 个来源${toPorts(ports)}`,
    filesRead: (n, files, skipped, groups, missing) =>
      `读取了 ${fmtInt(n)} 个文件：${files}${skipped > 0 ? ` · 跳过 ${fmtInt(skipped)} 个：${groups.map(([f, why]) => `${f}（${why}）`).join('；')}` : ''}${missing.length > 0 ? ` · 缺少：${missing.join('、')}` : ''}`,
    missingBetween: (path, newer, older) => `${path}（位于 ${newer} 与 ${older} 之间）`,
    skipReason: (r) =>
      r.kind === 'empty'
        ? '空文件'
        : r.kind === 'before-day'
          ? `最后写入于 ${r.lastWritten}，早于当天开始`
          : r.kind === 'later-lines'
            ? `只含更晚的记录：${r.older} 最后写入于 ${r.olderWritten}`
            : r.kind === 'packed'
              ? `用 ${r.packing} 压缩，而 ${r.packing} 命令未安装：请安装（apt install ${r.package}），或解压后作为 FILE 给出`
              : `其中的${r.lines === 'ufw' ? ' [UFW …] ' : '内核'}记录在 ${r.earlier} 中已有`,
    trendNew: '新增',
    noBasis: (date) => `没有 ${date} 的数据（日志中没有；--state DIR 可按天保存摘要）`,
    basisOtherZone: (zone, ours) => `；该摘要按 ${zone} 时区划分那一天，而不是 ${ours}，两天的起止时刻不同（用 --tz ${zone} 才能同口径比较）`,
    basisOtherSettings: (what, afterZone) =>
      `；该摘要${afterZone ? '还' : ''}是按不同的${joinZh(what.map((w) => OTHER_SETTING_ZH[w]))}统计的，变化中可能有一部分来自设置的不同，而不是流量本身`,
    basisCountedOtherwise: (formats, afterOther) =>
      `；该摘要${afterOther ? '还' : ''}是较早版本的 logscan 写入的，它可能${formats.map((f) => COUNTED_OTHERWISE_ZH[f] ?? f).join('，')}：其探测、连接、来源和端口数不作比较`,
    basis: (date, fromState, partly, span = null) =>
      `对比 ${date}，数据来自${fromState ? ' --state 摘要' : '同一批日志'}${partly ? `（该日只有部分时段有记录${span === null ? '' : `：${span}`}）` : ''}`,
    basisTodayPartly: (date, too, span = null) => `；${date} ${too ? '也' : ''}只有部分时段有记录${span === null ? '' : `：${span}`}`,
    coveredParts: (parts) => parts.join('、'),
    coveredSpan: (from, to) => (from !== null && to !== null ? `${from} 至 ${to}` : from !== null ? `${from} 起` : `至 ${to}`),
    notCompared: (date, day, why) => `未与 ${date} 对比：日志中没有 ${day} 的记录（日志${why === 'ends-before' ? '在该日之前就已结束' : '在该日之后才开始'}）`,
    interrupted: (signal) => `被 ${signal} 中断：本摘要只包含中断前读到的内容`,
    stateNotSaved: (dir, date, problem, next) => `--state ${dir}：${date} 的摘要未能保存（${problem}）：${date} 的日志被轮转删除后，${next} 的摘要将没有前一天可比较`,
    newerDigestKept: (file, version, newest) => `${file}：由更新版本的 logscan 写入（摘要格式版本 ${version}；本版本只能读取版本 1 至 ${newest}）：原样保留，本版本既不读取也不覆盖它`,
    stateDirProblem: (p) => {
      switch (p.code) {
        case 'not-directory':
          return p.inWay === null ? '不是目录' : `${p.inWay} 不是目录`;
        case 'read-only':
          return '位于只读文件系统上';
        case 'no-permission':
          return '没有在其中创建文件的权限';
        case 'directory':
          return zh.usage.dirProblem(p.problem);
        case 'write':
          return `${p.file}：${zh.usage.writeProblem(p.problem)}`;
      }
    },
    ignoredDigest: (p) => `已忽略保存的摘要：${p.file}：${zh.daily.digestProblem(p)}`,
    replacedDigest: (p, date) => `已保存的 ${date} 摘要无法使用，已用本次运行的摘要替换：${p.file}：${zh.daily.digestProblem(p)}`,
    digestProblem: (p) => (p.code === 'unreadable' ? zh.input.problem(p.problem) : p.code === 'not-json' ? `不是有效的 JSON（${p.why}）` : zh.daily.digestShape(p.shape)),
    // The digest's field names are its file format's words: kept as they are, said as fields.
    digestShape: (s) => {
      switch (s.code) {
        case 'not-object':
          return '不是 JSON 对象';
        case 'newer':
          return `由更新版本的 logscan 写入（摘要格式版本 ${s.version}；本版本只能读取版本 1 至 ${s.newest}）`;
        case 'unknown-version':
          return `摘要格式版本 ${s.version} 无法识别`;
        case 'other-date':
          return `记录的是 ${s.holds} 而不是 ${s.date} 的数据`;
        case 'no-totals':
          return '缺少 totals 字段';
        case 'not-count':
          return `${s.field} 字段不是计数`;
        case 'not-counts':
          return `${s.field} 字段不是计数列表`;
        case 'not-addresses':
          return `${s.field} 字段不是地址列表`;
        case 'not-formats':
          return `${s.field} 字段不是格式名称列表`;
        case 'no-flags':
          return '缺少 sourcesCapped 或 complete 标志字段';
        case 'not-object-field':
          return `${s.field} 字段不是对象`;
        case 'not-settings':
          return `${s.field} 字段不是由阈值和 --ignore 列表组成的记录`;
        case 'not-hash':
          return `${s.field} 字段不是哈希值`;
        case 'not-span':
          return `${s.field} 字段不是一对时间（from、to）`;
        case 'not-ranges':
          return `${s.field} 字段不是端口范围列表`;
        case 'bad-range':
          return `${s.field} 字段中的端口范围 "${s.range}" 无效`;
      }
    },
    completeDigestKept: (file, date) => `${file}：保留 ${date} 的完整摘要：本次运行只读到该日的一部分，不用不完整的摘要替换它`,
    longerDigestKept: (file, date, stored, fresh) => `${file}：保留 ${date} 的摘要：它覆盖该日 ${stored}，本次运行只读到 ${fresh}，不用覆盖更少的摘要替换它`,
    noDigestOutside: (dir, date, why) => `--state ${dir}：未写入 ${date} 的摘要：日志中没有该日的记录（日志${why === 'ends-before' ? '在该日之前就已结束' : '在该日之后才开始'}）`,
    noDigestAhead: (dir, date) => `--state ${dir}：未写入 ${date} 的摘要：该日尚未开始`,
    interruptedNoDigest: (signal, date) => `被 ${signal} 中断：不写入 ${date} 的 --state 摘要（它只会计入当天的一部分）`,
    duplicateFallback: (unread, family) => `${unread.join('、')} 未能完整读取：它缺失的记录改从 ${family} 读取（其中记录着相同的行，否则会作为重复跳过）`,
    noFileCanHold: (dir, previous, day) => `${dir} 中没有可能包含 ${previous} 或 ${day} 的日志文件（见 docs/daily.md 的“Which files are read”一节）`,
    logDirUnusable: (p) => `无法在这里查找日志：${zh.usage.dirProblem(p)}；请把日志文件作为参数给出`,
    noLogs: (patterns, journal) =>
      `没有找到防火墙日志（找过 ${patterns.join('、')}）；` + (journal === null ? '请把日志文件作为参数给出' : `本系统的日志保存在 journal 中（${journal}）：${JOURNAL_DAILY}`),
    dstDay: (hours) => `当天共 ${hours} 小时（夏令时切换）`,
    notOver: '当天尚未结束：以下为截至目前的数字',
    notBegun: '按本机时钟，当天尚未开始：其中的记录来自时钟偏快的设备',
    untimed: (n) => `${fmtInt(n)} 个没有日期的事件（只有内核运行时间）未计入`,
    noRecordYet: (last) => `今天还没有记录；读到的最后一条记录时间为 ${last}`,
    noFileForDay: (lastWritten) => `没有日志文件能包含当天：最新的文件最后写入于 ${lastWritten}，早于当天开始（日志记录是否已停止？）`,
    endsBefore: (last, day) => `日志在当天之前就已结束（最后一条防火墙记录：${last}）：日志中没有当天的记录；--date ${day} 可汇总日志的最后一天`,
    startsAfter: (first, day) => `日志在当天之后才开始（第一条防火墙记录：${first}）：日志中没有当天的记录；--date ${day} 可汇总日志的第一天`,
    startsDuring: (first) => `日志在当天中途才开始（第一条防火墙记录：${first}）：缺少之前的时段`,
    endsDuring: (last) => `日志在当天中途就已结束（最后一条防火墙记录：${last}，且读取的文件在当天之后没有再写入）：缺少之后的时段`,
    incompleteInputs: (items, n) => `${n === 1 ? '有一个输入' : `有 ${fmtInt(n)} 个输入`}没有读完，这一天的数字可能不完整：${items}`,
    fallbackTaken: (unread, read, none, restored) =>
      `${unread.join('、')} ${none ? '未能读取' : '未能完整读取'}；${none ? '其' : '其缺失的'}记录${restored ? '取自' : '改从'} ${read.join('、')}${restored ? '' : ' 读取'}，后者记录着相同的行${restored ? '' : '，但后者也未能完整读取'}`,
    unreadInputs: (items, n) => `${n === 1 ? '有一个输入' : `有 ${fmtInt(n)} 个输入`}未能读取，这一天的数字可能不完整：${items}`,
    unreadRotation: (names) => `${names} 未被读取（解压它的命令未安装）：其中当天的记录未计入`,
    missingRotation: (names) => `日志的轮转文件中缺少 ${names}（被删除，或某次轮转失败）：其中当天的记录未计入`,
    noRecordsOn: (date) => `${date} 没有防火墙记录（读取的日志属于其他日期）。`,
    blockedValue: (blocked, allowed, other) => [blocked, `放行 ${allowed}`, ...(other !== null ? [`其他 ${other}`] : [])],
    blockedOfLogged: (blocked, pct, packets) => `${fmtInt(blocked)}（占所记录 ${fmtInt(packets)} 个包的 ${pct}）`,
    blockedOfRecords: (blocked, pct, records, connections, events) =>
      `${fmtInt(blocked)}（占所记录 ${events >= records ? `${fmtInt(records)} 条记录` : `${fmtInt(records)} 个包和连接（${fmtInt(events)} 条记录）`}的 ${pct}：${records > connections ? `${fmtInt(records - connections)} 个包，` : ''}${fmtInt(connections)} 个连接）`,
    newToday: (n, atMost) => `今天新出现${atMost ? '至多' : ''} ${fmtInt(n)} 个`,
    newlyProbed: (n) => `${fmtInt(n)} 个首次被探测`,
    newPortsLateUncounted: (packets, sources, cap) =>
      `未计入新端口的计数：${fmtInt(sources)} 个扫描来源的 ${fmtInt(packets)} 个迟到报文（logscan 只为每个来源的前 ${fmtInt(cap)} 个端口逐一统计迟到报文）；探测一行已计入它们`,
    listedItem: (name, n, connections = 0) => `${name}：${rowsText(n, connections)}`,
    activity: '每小时活动',
    activityMax: (max, unit = 'packets') => `每小时活动（峰值 ${fmtInt(max)} ${unitMeasure(unit)}）`,
    noLogsHours: '这些时段没有日志',
    label: {
      probes: '探测',
      notProbes: '非探测',
      blocked: '拦截',
      allowed: '放行',
      other: '其他',
      loggedAs: '记录为',
      packets: '包数',
      sources: '来源',
      ports: '端口',
      newSources: '新来源',
      newPorts: '新端口',
    },
    text: {
      title: (date, tz) => `logscan 日报 · ${date}（${tz}）`,
      note: (n) => `注意：${n}`,
      change: (basis) => `变化：${basis}`,
    },
    md: {
      title: (date, tz) => `logscan 日报：${date}（${tz}）`,
      perHour: (from, to) => `每小时（${from}-${to}）`,
      perHourKey: (mark, words) => `（${mark} ${words}）`,
      loggedAs: '记录为',
      ruleHead: '记录为',
      change: (basis) => `变化：${basis}`,
    },
    html: {
      title: (date) => `logscan 日报 · ${date}`,
      footer: (files) => `logscan 日报 · ${files}`,
      heading: (date) => `<span class="nw">${date}</span> 的防火墙探测`,
      hours: (n) => `${n} 小时`,
      vsDayBefore: (trend) => `较前一天 ${trend}`,
      newCount: (n, atMost) => `今天新出现${atMost ? '至多' : ''} ${fmtInt(n)} 个来源`,
      ofPackets: (pct) => `占所记录包数的 ${pct}`,
      ofRecords: (pct) => `占所记录条数的 ${pct}`,
      chartTitle: (date, tz, unit = 'packets') => `${date}（${tz}）每小时${unitNoun(unit)}`,
      chartBar: (hour, packets, blocked, unit = 'packets') => `${hour}:00 · ${fmtInt(packets)} ${unitMeasure(unit)}，拦截 ${fmtInt(blocked)} 个`,
      chartBarPrevious: (packets) => ` · 前一天：${fmtInt(packets)}`,
      chartBarUncovered: (hour) => `${hour}:00 · 这一小时没有日志`,
      legendBlocked: '拦截',
      legendRest: '放行 / 其他',
      legendPrevious: '前一天',
      ruleLabel: '记录为',
      changeAgainst: (date) => `与 ${date} 对比`,
      notCompared: (day, why) => `未作对比：日志中没有 ${day} 的记录（日志${why === 'ends-before' ? '在该日之前就已结束' : '在该日之后才开始'}）`,
      noBasis: '没有该日的数据：日志中没有它（--state DIR 可按天保存摘要）',
      newTodayHtml: (n, atMost) => `今天新出现${atMost ? '至多' : ''} ${n} 个`,
      newlyProbedHtml: (n) => `${n} 个首次被探测`,
      newSources: '新来源',
      newPorts: '首次被探测的端口',
      newBadge: '新',
    },
  },

  follow: {
    alert: (source) => `!! 告警 ${source}`,
    score: (score) => `评分 ${score.toFixed(1).padStart(5)}`,
    scoreAtLeast: (score, threshold) => `评分 ${score.toFixed(1)} ≥ ${threshold}`,
    folded: (n, ip, span, to, going = null) => `  另有 ${fmtInt(n)} 条来自 ${ip}，历时 ${span}${foldedTo(n, to)}${foldedGoing(going)}`,
    window: (span, events, sources, atLeast = false) =>
      events === 0 ? `── 最近 ${span}：没有事件` : `── 最近 ${span}：来自${atLeast ? '至少' : ''} ${fmtInt(sources)} 个来源的 ${fmtInt(events)} 个事件`,
    followedFor: (span) => `── 已跟踪 ${span}`,
    stopReportWritten: (file) => `完整报告：${file}`,
    stopReportHint: '结束时的完整报告：--final-report FILE，或不加 -q 运行 follow',
    finalReportFailed: (file, reason) => `--final-report ${file}：未能写入（${reason}）`,
    alertsForgetting: (kept, window) => `同一个 ${window}窗口内告警的来源超过 ${fmtInt(kept)} 个：最早的将被遗忘，可能在该窗口内再次告警（已计数）`,
    alertsForgotten: (n, kept) => `有 ${fmtInt(n)} 个已告警的来源在其窗口内被遗忘（每个窗口保留 ${fmtInt(kept)} 个，--max-sources）：它们可能在该窗口内再次告警`,
    annotationsDropping: (kept) => `某个解读检测器跟踪的键（来源、连接、序列）超过 ${fmtInt(kept)} 个：最久未见的将被丢弃，它们之后的数据包可能缺少扫描、重试序列等解读（已计数）`,
    annotationsDropped: (n, kept) => `解读检测器在状态过期前丢弃了 ${fmtInt(n)} 个键（每个检测器保留 ${fmtInt(kept)} 个）：部分数据包可能缺少本应有的解读`,
    logGap: (records, marker) => `日志缺口：防火墙有${records === null ? '一些' : ` ${fmtInt(records)} 条`}记录未能在此写入（${marker}）`,
    alertExec: (r) => {
      switch (r.code) {
        case 'cannot-run':
          return `--alert-exec：无法运行 ${r.cmd}：${r.message}`;
        case 'ended-by':
          return `--alert-exec：${r.cmd} 被 ${r.signal} 终止`;
        case 'exited':
          return `--alert-exec：${r.cmd} 退出码为 ${r.exit}`;
        case 'timeout':
          return `--alert-exec：${r.cmd} 运行超过 ${r.seconds} 秒，已被终止`;
        case 'dropping':
          return `--alert-exec：已有 ${r.commands} 个命令在运行、${r.queued} 个告警在排队：在腾出位置之前，新的告警将被丢弃（会计数）`;
        case 'dropped':
          return `--alert-exec：队列已满，丢弃了 ${r.n} 个告警${r.n === r.total ? '' : `（累计 ${r.total} 个）`}`;
        case 'tally': {
          const parts = [
            r.dropped > 0 ? `${r.dropped} 个因队列已满被丢弃` : '',
            r.failed > 0 ? `${r.failed} 个失败` : '',
            r.unrun > 0 ? `${r.unrun} 个在 logscan 停止时仍在排队` : '',
            r.stoppedWith > 0 ? `${r.stoppedWith} 个随 logscan 一同停止（同一个 ${r.stopSignal ?? '信号'} 终止了它们）` : '',
            r.cutOff > 0 ? `${r.cutOff} 个在 logscan 停止时仍在运行（已被终止）` : '',
          ].filter((t) => t !== '');
          return `--alert-exec：${r.alerts} 个告警中，${r.delivered} 个送达了 ${r.cmd}，${r.alerts - r.delivered} 个没有：${parts.join('，')}`;
        }
      }
    },
    notice: (n) => {
      switch (n.code) {
        case 'waiting':
          return `不存在（或尚未创建），等待它出现${n.nonUtf8Name ? zh.input.nonUtf8Hint : ''}${n.journal !== undefined ? `（如果防火墙只把日志写到 journal（${n.journal}）：${JOURNAL_FOLLOW}）` : ''}`;
        case 'appeared':
          return '已出现，开始读取';
        case 'readable-now':
          return '现在可以读取了';
        case 'not-utf8':
          return '有行不是有效的 UTF-8（显示为 \ufffd）：如果设备以 GBK/GB18030 编码写日志，请用 --encoding gb18030 跟踪';
        case 'removed':
          return '已被删除或改名：读完其余内容后等待新文件';
        case 'rotated':
          return '已轮转：从头读取新文件';
        case 'new-since-stop':
          return '是 logscan 停止后新出现的文件：从头读取';
        case 'truncated':
          return '已被截断：从头读取（截断前刚写入的行可能缺失）';
        case 'copytruncated':
          return `已被截断（copytruncate）：其余内容已从 ${n.copy} 读完，从头读取该文件`;
        case 'overwritten':
          return `${n.file} 在读完之前被覆盖：其中剩余的行不再读取`;
        case 'truncated-while-stopped':
          return 'logscan 停止期间已被截断：从头读取';
        case 'rotated-while-stopped':
          return `logscan 停止期间已轮转：先读完 ${n.file}`;
        case 'rotations-while-stopped':
          return `logscan 停止期间轮转了 ${n.rotations} 次：先读取 ${n.reading.join('、')}，再读 ${n.base}`;
        case 'rotations-not-read':
          return `未读取更早的 ${n.count} 个轮转文件：${n.count === 1 ? n.first : `${n.first} 至 ${n.last}`}（重启后最多读取上次所读文件与 ${n.base} 之间的 ${n.max} 个轮转文件；可用 logscan FILE 读取它们）`;
        case 'unordered-not-read':
          return `未读取：${n.files.join('、')}，它们是 logscan 停止期间写入的，但文件名看不出在轮转序列中的先后（.N 和 -20261206 这类带日期的名称可以，编号或日期放在扩展名前面也可以，如 fw.1.log、fw-20261206.log；带不带 .gz 均可）；可用 logscan FILE 读取`;
        case 'copy-unread':
          return `第 ${n.line} 行之后尚未读取的行可能在 ${n.file} 中，该文件未读取：${zh.input.problem(n.problem)}`;
        case 'position-lost':
          return `上次读取的文件（inode ${n.ino}，第 ${n.line} 行）已不在原处，附近也找不到：logscan 停止后写入该文件的行可能缺失`;
        case 'copy-cut':
          return `${n.file}：${zh.input.problem(n.problem)}；其余部分未读取`;
        case 'copy-read-error':
          return `${n.file}：${n.line === 0 ? '在第一行之前' : `在第 ${fmtInt(n.line)} 行之后`}读取出错：${zh.input.problem(n.problem)}；其余部分未读取（不再重试${n.packed ? '：重试须从头重新解压' : ''}；logscan FILE 可读取它）`;
        case 'copy-trailing':
          return `${n.file}：${zh.input.problem(n.problem)}`;
        case 'fs-retry':
          return `${n.step === 'stat' ? '无法获取文件状态：' : n.step === 'read' ? '读取出错：' : ''}${zh.input.problem(n.problem)}；将继续重试`;
        case 'rotation-unreadable':
          return `${n.file}：${n.read ? '读取出错：' : ''}${zh.input.problem(n.problem)}；其中的行未读取`;
        case 'fifo':
          return `是 FIFO（命名管道），不是会增长的文件；请作为标准输入跟踪：logscan follow - < ${n.name}`;
        case 'directory':
          return '是目录（请跟踪其中的日志文件）';
        case 'not-regular':
          return '不是普通文件；将继续重试';
        case 'not-text':
          return zh.input.problem(n.problem);
        case 'gzip-broke-off':
          return `gzip 数据中途中断（${zlibWords(n.why)}）：此前的每一行都已读取`;
        case 'gzip-bad-header':
          return `gzip 数据头部有误（${zlibWords(n.why)}）：其中的内容都未读取`;
        case 'gzip-trailing':
          return zh.input.problem({ code: 'gzip-trailing', bytes: n.bytes });
        case 'unpack-cut':
          return zh.input.problem(n.problem);
        case 'stream-error':
          return `读取出错：${systemWords(n.message, n.errno)}`;
      }
    },
  },

  check: {
    title: (file) => `检查 · ${file}`,
    label: {
      problem: '问题',
      format: '格式',
      confidence: '置信度',
      lines: '行数',
      zone: '时区',
      encoding: '编码',
      nuls: 'NUL 字符',
      fields: '#Fields',
      headers: '日志头',
    },
    noFormat: '没有格式：什么也没有读到',
    forced: (format) => `${format}，由 --input-format 指定（未经识别）`,
    sniffed: (format, conf, lines) => `${format}，根据前 ${fmtInt(lines)} 个非空行识别，置信度 ${conf}`,
    zeroConfidence: (formats, all) => (all ? `全部 ${fmtInt(formats)} 种格式均为 0` : `其余 ${fmtInt(formats)} 种均为 0`),
    guessedEmpty: (format) => `${format}（推测）：输入中没有可用来识别格式的非空行`,
    guessed: (format, lines, fallback) => `${format}（推测）：前 ${fmtInt(lines)} 个非空行没有被任何格式识别，因此按 ${fallback} 的 syslog 文本读取，读不懂的行跳过`,
    linesRow: (lines, parsed, skipped, malformed) => `${fmtInt(lines)}：解析 ${fmtInt(parsed)} 行 · 跳过 ${fmtInt(skipped)} 行 · ${malformed}`,
    malformedCount: (n) => `格式错误 ${fmtInt(n)} 行`,
    unreadHeaders: (records, reason) =>
      `${fmtInt(records)} 条记录：${reason}；除非日志头中可识别的部分给出了时间和主机，否则二者未知（看不出日、月先后顺序的日期从不猜测）`,
    decodedFrom: (encoding) => `按 --encoding 指定的 ${encoding} 解码`,
    invalidUtf8: (lines) => `有 ${fmtInt(lines)} 行不是有效的 UTF-8（显示为 \ufffd）：如果设备以 GBK/GB18030 编码写日志，请用 --encoding gb18030 读取`,
    encoding: (encoding) => `带字节序标记的 ${encoding} 文本（Windows PowerShell 5.1 用 > 或 Out-File 写出的文件即是如此），已解码`,
    nuls: (count, lines, firstLine) =>
      `从${lines === 1 ? `第 ${fmtInt(firstLine)} 行` : ` ${fmtInt(lines)} 行（第一处：第 ${fmtInt(firstLine)} 行）`}去掉了 ${fmtInt(count)} 个：一段填满 NUL 的区域（Windows 崩溃后会在 pfirewall.log 中留下）不是文本，不计入行长度上限，其后的内容照常读取`,
    fieldsLayouts: (n, first) => `${n} 种布局：${first}`,
    fieldsLayout: (fields, diff, firstLine, lines, malformed) =>
      `${fmtInt(fields)} 个字段${diff === '' ? '' : `（${diff}）`}，自第 ${fmtInt(firstLine)} 行起：${fmtInt(lines)} 行${malformed > 0 ? `（格式错误 ${fmtInt(malformed)} 行）` : ''}`,
    kinds: (block, kinds) => `${block === 'malformed' ? '格式错误' : '跳过'}（${fmtInt(kinds)} 类）`,
    example: (line, own) => `例：第 ${line} 行${own === null ? '' : `（${own}）`}：`,
    textNotKept: '（未保留文本）',
    moreKinds: (kinds, lines) => `… 另有 ${fmtInt(kinds)} 类（${fmtInt(lines)} 行）；-o json 会全部列出`,
    hint: '提示：',
    hints: {
      noRecords: '没有一行是防火墙记录：这可能是 logscan（暂时）还不能读取的格式；`logscan formats` 列出它能读取的格式',
      guessed: (format) => `格式是推测的；用 --input-format ${format} 可明确指定`,
      malformed: '格式错误的行看起来像防火墙记录，但无法读取；原因中写明了是哪个字段',
      fewLines: (n) => `只有 ${n} 个非空行可供识别格式；可用 --input-format ID 指定格式`,
    },
    line: (n, fate) => `第 ${n} 行：${LINE_FATE_ZH[fate]}`,
    text: '文本',
    reason: '原因',
    annotations: '解读',
    noAnnotations: '（无）',
    annotation: (named, severity, ref) => `${named} — 严重度 ${severity}，${ref}：`,
    localZone: '本机时区',
    countsAs: '计为',
    countsAsKind: (kind) => COUNTS_AS_ZH[kind],
    lateRecord: (kinds) => `非探测：已在进行中的连接的记录（${kinds.join('；')}）`,
    lineAbsent: (line, file, lines) => `--line ${line}：${file} 只有 ${fmtInt(lines)} 行`,
  },

  help: {
    headings: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' },
    extras: (choices, dflt) => [choices === null ? null : `可选：${choices.join('、')}`, dflt === null ? null : `默认：${dflt.replace(/^"(.*)"$/, '$1')}`].filter((x) => x !== null).join('；'),
    help: '显示本命令的帮助',
    version: '显示版本号',
    tableOrJson: 'table 供人阅读（也可写 text），json 供程序读取',
    checkLine: '另外列出从第 N 行提取出的每个字段（时间、主机、地址、端口、规则、解读）',
    checkCommand: '显示 logscan 如何读取一个文件：识别出的格式及依据，解析、跳过和格式错误的行，每类举一例',
    dailyFiles: '日志文件（可以是 .gz；装有 bzip2/xz/zstd 时也可以是 .bz2/.xz/.zst），- 表示标准输入；默认：常见位置（kern.log、messages、ufw.log、firewalld、pfSense 的 filter.log、OPNsense 的 filter/filter_*.log 及其轮转文件；Windows 上为 Windows 防火墙的日志文件夹）',
    dailyDate: '哪一天：YYYY-MM-DD、today 或 yesterday，按 --tz 的时区',
    dailyOutputFormat: 'text（在终端上的默认；也可写 table）、markdown（其他情况的默认；也可写 md）、html 或 json',
    dailyOutput: '写入 <file> 而不是标准输出（普通文件以原子方式替换，FIFO 或设备直接写入；- 表示标准输出）；不给 -o 时，.html/.htm、.md/.markdown 和 .json 决定格式；.txt 或其他扩展名为 text',
    dailyState: '在 <dir> 中为每天保存一份小摘要，日志轮转删除后仍能与前一天比较',
    dailyQuietBelow: '当天没有任何检测结果达到这个严重度（0-5 或其名称）时，标准输出什么也不打印，这样 cron 只在有新情况的日子发邮件；--state 摘要照常保存，问题照常写到标准错误',
    dailyLogDir: '不给日志文件时到哪里查找日志（默认 /var/log；Windows 上为防火墙日志目录）；在 <dir> 中查找所有已知的日志，Linux 和 Windows 的都找',
    dailyCommand: '汇总一个自然日：主要数字、与前一天相比的变化、排名靠前的来源和端口、解读、逐小时图表',
    geoip: '根据 <dir> 中 MaxMind 的 .mmdb 文件（GeoLite2-Country/City/ASN；见 docs/integrations.md）补上来源的国家和自治系统（AS）',
    ignore: '略去与 <file> 匹配的事件：地址/CIDR、“port N[/proto]”、“iface NAME”，# 开头为注释',
    osHint: '根据每个所列来源首个包的 TTL 和 TCP 窗口推测其操作系统家族（仅为提示，不是证据）',
    resolve: '查询所列来源的 PTR（反向 DNS）名称',
    resolveTimeout: '每次 PTR 查询的超时时间（默认 2 秒）',
    resolveServer: '--resolve 使用的 DNS 服务器（ADDR、ADDR:PORT、[IPv6]:PORT）；可重复；默认：系统的解析器',
    eventsOutputFormat: 'ndjson（默认），或 dshield：DShield 的制表符分隔提交格式（见 docs/integrations.md）',
    eventsEcs: '使用 Elastic Common Schema 的字段名（source.ip、destination.port、event.action 等）',
    eventsDshieldUserid: '-o dshield：你的 DShield 用户号（默认 0，即匿名）',
    eventsCommand: '把每条防火墙记录输出为一行一个 JSON 对象（NDJSON）',
    explainQuery: 'PORT、PORT/tcp|udp、FROM-TO[/proto]、TYPE/icmp|icmpv6、IPv4/IPv6 地址、解读或检测结果的 id、检测结果的名称（如“木马端口探测”）、要搜索的名称/家族/类别、加引号的一行日志，或用 - 从标准输入读取日志行',
    explainSignatures: '额外的签名目录（可重复）；同 id 的条目覆盖内置的',
    explainHomeNet: '本方的一个网络，用于解释日志行（CIDR 或地址，可重复；默认：RFC 1918 及其他本地网段）：从它发出的是本方自己的流量，不是探测',
    explainYear: '用于日志行：第一个不带年份的时间戳（BSD syslog）所在的年份；默认：今年，日期尚未到来时为去年',
    explainTz: '用于日志行：不带时区偏移的时间戳所用的 IANA 时区，也是显示时间的时区；默认：本机时区',
    explainCommand: "解释端口、端口/协议、端口范围、ICMP 类型、地址、恶意软件名称、解读或检测结果的 id 的含义（例如 6776、33500/udp、6970-7170、8/icmp、224.0.0.251、sub7、sub7-artifact、vertical-scan），或一行日志说了什么（'LINE'，或用 - 从标准输入读取日志行）",
    explainLang: '解释所用的语言；默认：按区域设置（LANGUAGE、LC_ALL、LC_MESSAGES、LANG），-o json 为英文',
    since: '只看此时刻及以后的事件：2026-11-20、2026-11-20T06:00[Z|+01:00]，或 30m / 2h / 1h30m / 7d 之前',
    until: '只看此时刻及以前的事件（写法同 --since）',
    source: '只看来自这个地址或网段（IPv4/IPv6 CIDR）的事件；可重复',
    followFiles: '要跟踪的日志文件（可以尚不存在），- 表示持续写入的标准输入',
    followOutputFormat: 'text 供人阅读（也可写 table），ndjson（带解读的事件，一行一个）供程序读取',
    followEcs: '输出 Elastic Common Schema 文档，与 `events --ecs` 相同（NDJSON：意味着 -o ndjson）',
    followQuiet: '不为每个探测输出一行：只输出告警、--summary-every 的摘要和结束时的简短摘要（总数、前 5 个来源、未读取的内容；完整报告：--final-report）（适合服务或繁忙的日志）',
    followFinalReport: '结束时另把完整报告（即不加 -q 时 follow 输出的报告）写入 <file>（每次结束时覆盖）',
    followFromStart: '先读文件中已有的内容（默认：从文件末尾开始）',
    followState: '记住每个文件读到了哪里；重新启动时从那里继续，轮转之后也一样',
    followSummaryEvery: '每隔这么久输出一次最近这段时间的摘要（30s、10m、1h）；也是告警的时间窗口',
    followAlertScore: '来源在时间窗口内达到这个分数时告警（无默认值：不给它也不给 --alert-exec 时不会告警；见 docs/ranking.md）',
    followCommand: '跟踪不断增长的日志，轮转也不中断：每个探测一行，按 Ctrl-C 时输出摘要，给出 --alert-score N 时告警',
    formatsJson: '等同于 -o json（为使用它的脚本保留）',
    formatsCommand: '列出 logscan 能识别的日志格式，每种附一行示例',
    formatsLang: '格式说明所用的语言；默认：按区域设置（LANGUAGE、LC_ALL、LC_MESSAGES、LANG），JSON 为英文',
    inputFormat: '不做格式识别：把每个输入都按这种格式读取（见 `logscan formats`）',
    encoding: '日志的字符编码，WHATWG 标签：gb18030、gbk、big5、shift_jis、euc-kr、windows-1252 …（默认：UTF-8；带字节序标记的 UTF-16 自动按其读取）',
    year: '日志不带年份时（BSD syslog）第一条记录的年份；默认：由文件日期推断',
    followYear: '日志不带年份时（BSD syslog）第一条记录的年份；默认：使每条记录的时间至多比读到它的时刻晚两天的那一年',
    tz: '不带时区偏移的时间戳所用的 IANA 时区，也是显示时间的时区；默认：本机时区',
    signatures: '额外的签名目录（增加或覆盖条目）；可重复',
    homeNet: '本方的一个网络（CIDR 或地址，可重复；默认：RFC 1918 及其他本地网段）：从它转发到别处的流量是本方自己的',
    threads: 'auto、1 或 2：为 2 时，另一个线程读取并解析日志，本线程做其余的事；输出相同（auto：日志文本达到 32 MiB 或以上时为 2，.gz 按解压后计，.bz2/.xz/.zst 按估计值计，需 2 个以上 CPU 核心；标准输入上的管道按 0 计，因为其大小未知）',
    lang: 'logscan 输出所用的语言：标题、摘要、解释；默认：按区域设置（LANGUAGE、LC_ALL、LC_MESSAGES、LANG），供程序读取的输出（JSON、NDJSON、CSV、封锁列表）为英文',
    programDebug: '内部错误时输出调用栈',
    programCommand: '防火墙日志分析器：说明防火墙日志里那些噪声的含义（iptables/netfilter、Windows 防火墙、pf、pfSense/OPNsense filterlog、Cisco ASA 与 IOS、MikroTik、FortiGate、SonicWall、Palo Alto PAN-OS、Juniper SRX、Sophos、Cisco Meraki、WatchGuard、Check Point、Google Cloud VPC 防火墙、AWS VPC 流日志、Azure Firewall、Stormshield、Zyxel、山石网科（Hillstone）、华为 USG、新华三（H3C）SecPath、CEF、LEEF；`logscan formats` 会列出全部格式）。',
    files: '日志文件（可以是 .gz；装有 bzip2/xz/zstd 时也可以是 .bz2/.xz/.zst），- 表示标准输入',
    reportOutputFormat: 'table 供人阅读（也可写 text），markdown 用于工单（也可写 md），html 生成可分享的网页，json 供程序读取（见 docs/report-json.md），csv 用于电子表格，blocklist 供防火墙使用（见 docs/integrations.md）',
    reportOutput: '写入 <file> 而不是标准输出（普通文件以原子方式替换，FIFO 或设备直接写入；- 表示标准输出）；不给 -o 时，.html/.htm、.md/.markdown、.json 和 .csv 决定格式，.txt 或其他扩展名为表格',
    top: '排名表的行数',
    reportMinSeverity: '只显示严重度不低于此值的来源和解读（0-5、info/notice/low/medium/high/critical 或 信息/提示/低/中/高/严重）',
    reportFailOn: '任何检测结果达到这个严重度时以退出码 4 结束（0-5 或其名称）',
    reportCsvTable: '-o csv：输出哪个表（默认 sources）',
    reportBlocklistFormat: '-o blocklist：nft 脚本、ipset restore 文件，或 iptables、ufw、PowerShell（Windows 防火墙）命令（默认 nft）',
    reportBlocklistMinScore: '-o blocklist：分数至少为 N 的来源（默认 50）',
    reportBlocklistIncludePrivate: '-o blocklist：保留回环/私有/链路本地来源（默认略去）',
    reportCommand: '分析防火墙日志并输出报告（默认命令：`logscan FILE...`）',
    config: '覆盖检测阈值和评分权重的 JSON 文件（见 docs/ranking.md）',
    scanPorts: (n) => `构成纵向/UDP 扫描的不同端口数（默认 ${n}）`,
    sweepHosts: (n) => `构成横向扫描（以及跨主机 ACK 扫描）的不同主机数（默认 ${n}）`,
    maxSources: (n, twoSummaries) =>
      `${twoSummaries ? '全程摘要和时间窗口摘要各自在内存中保留的来源数，也是每个解读检测器保留的键数（最多 50,000）；低于 20,000 时也限制结束报告计数的来源数（每个档案 10 个）' : '在内存中保留的来源数'}（默认 ${fmtInt(n)}）`,
    followAlertExec: (score) => `每次告警运行 CMD（不经 shell），告警以 JSON 形式从标准输入传入（超时 10 秒；默认 --alert-score ${score}）`,
  },

  usage: {
    seeHelp: (command) => `（用法见 \`logscan ${command === null ? '' : `${command} `}--help\`）`,
    commander: (p) => {
      switch (p.code) {
        case 'commander.unknownOption': {
          const s = p.suggestions;
          return `未知选项 ${p.flag}${s.length > 1 ? `\n（是否想用其中之一：${s.join('、')}？）` : s.length === 1 ? `\n（是否想用 ${s[0]}？）` : ''}`;
        }
        case 'commander.missingArgument':
          return `缺少必需的参数 <${p.name}>`;
        case 'commander.optionMissingArgument':
          return `选项 ${p.flags} 缺少取值`;
        case 'commander.invalidArgument':
          return `选项 ${p.flags} 的取值“${p.value}”无效，可选值为 ${p.choices.join('、')}`;
        case 'commander.excessArguments':
          return `${p.command === null ? '' : `${p.command} 命令的`}参数过多：应有 ${p.expected} 个，实际给了 ${p.got} 个`;
      }
    },
    unknownCommand: (word, near, commands) => `未知命令“${word}”（也没有这个名字的文件）：${nearHintZh(near)}可用的命令有 ${commands.join('、')}；若是同名文件，请写作 ./${word}`,
    helpTopic: (topic, near, commands) => `help：没有“${topic}”这个命令：${nearHintZh(near)}可用的命令有 ${commands.join('、')}`,
    noInput: '没有输入：请给出一个或多个日志文件，或用 - 表示标准输入',
    wholeNumber: (option, max, raw) => `${option}：应为${max === null ? '不小于 1 的整数' : ` 1 到 ${max} 之间的整数`}，实际为“${raw}”`,
    positiveNumber: (option, raw) => `${option}：应为正数，实际为“${raw}”`,
    unknownFormat: (raw, known) => `--input-format：未知格式“${raw}”（可用：${known.join('、')}）`,
    unknownEncoding: (raw) => `--encoding：未知编码“${raw}”（请用 WHATWG 标签，如 gb18030、gbk、big5、shift_jis、euc-kr 或 windows-1252）`,
    utf16Encoding: (raw) => `--encoding：“${raw}”是 UTF-16；带字节序标记的 UTF-16 无需 --encoding 即可读取，不带标记的不读取（请先转换：iconv -f UTF-16LE -t UTF-8）`,
    unknownZone: (tz) => `--tz：未知时区“${tz}”（请用 IANA 时区名，如 Asia/Shanghai 或 UTC）`,
    year: (min, max, raw) => `--year：应为 ${min} 到 ${max} 之间的四位年份，实际为“${raw}”`,
    yearRange: (option, min, max, raw) => `${option}：年份须在 ${min} 到 ${max} 之间，实际为“${raw}”`,
    time: (option, raw) => `${option}：应为时间（如 2026-11-20、2026-11-20T06:00、2026-11-20T06:00Z）或时长（如 30m、2h、1h30m、7d），实际为“${raw}”`,
    sinceAfterUntil: '--since 晚于 --until',
    severity: (option, names, raw) => `${option}：应为严重度 0-5、${names.join('/')} 或 ${zh.severity.join('/')}，实际为“${raw}”`,
    date: (min, max, raw) => `--date：应为 YYYY-MM-DD（年份在 ${min} 到 ${max} 之间）、today 或 yesterday，实际为“${raw}”`,
    sourceRange: (raw) => `--source：应为地址或 CIDR 网段（如 203.0.113.0/24、2001:db8::/32），实际为“${raw}”`,
    onlyWithFormat: (option, format) => `${option} 只能与 -o ${format} 一起使用`,
    onlyWithResolve: (option) => `${option} 只能与 --resolve 一起使用`,
    resolveTimeout: (raw) => `--resolve-timeout：应为 0.1 到 60 之间的秒数，实际为“${raw}”`,
    blocklistMinScore: (raw) => `--blocklist-min-score：应为 0 到 10000 之间的评分，实际为“${raw}”`,
    ecsNeedsNdjson: (format) => `--ecs 只适用于 -o ndjson，不能与 -o ${format} 一起使用`,
    geoipNotDshield: '--geoip 只适用于 -o ndjson（DShield 格式没有存放它的字段）',
    dshieldUserid: (raw) => `--dshield-userid：应为数字，实际为“${raw}”`,
    jsonNotFormat: (format) => `--json 即 -o json，不能与 -o ${format} 一起使用`,
    logDirAndFiles: '--log-dir 用于未给出日志文件时查找日志：请只给出其中一个',
    explainNothing: 'explain：请至少给出一个端口、端口/协议、端口范围、地址或名称',
    explainEmptyStdin: 'explain：标准输入中没有可解释的行',
    quietNeedsText: '--quiet 只适用于文本输出（-o ndjson 会输出每个事件）',
    duration: (option, raw) => `${option}：应为时长，如 30s、10m、1h 或 1h30m，实际为“${raw}”`,
    durationTooShort: (option, raw) => `${option}：至少为 1s，实际为“${raw}”`,
    unterminatedQuote: (option, quote) => `${option}：引号 ${quote} 没有闭合`,
    trailingBackslash: (option) => `${option}：末尾多了一个反斜杠`,
    emptyCommand: (option) => `${option}：命令为空`,
    fileProblem: (option, file, p) => `${option} ${file}：${zh.input.problem(p)}`,
    configNotJson: (file, why) => `--config ${file}：不是有效的 JSON（${why}）`,
    configNotObject: (file) => `--config ${file}：内容应为一个 JSON 对象`,
    configUnknownKey: (file, key) => `--config ${file}：不认识的键“${key}”（只接受“thresholds”）`,
    settingNotObject: (file, path) => `${settingsOf(file)}：${path || 'thresholds'} 应为一个对象`,
    unknownSetting: (file, path) => `${settingsOf(file)}：没有“${path}”这项设置`,
    settingArray: (file, path, n) => `${settingsOf(file)}：“${path}”应为由 ${n} 个非负数组成的数组`,
    settingNumber: (file, path, got) => `${settingsOf(file)}：“${path}”应为非负数，实际为 ${got}`,
    settingCount: (file, path, got) => `${settingsOf(file)}：“${path}”应为不小于 1 的整数，实际为 ${got}`,
    ignoreLine: (file, line, problem, text) => `--ignore ${file} 第 ${line} 行：${IGNORE_LINE[problem]}：“${text}”`,
    geoipDir: (dir, p) => `--geoip ${dir}：${zh.usage.dirProblem(p)}`,
    dirProblem: (p) => (p.code === 'not-found' ? '目录不存在' : p.code === 'not-a-directory' ? '不是目录' : zh.input.problem(p)),
    geoipNoFiles: (dir) => `--geoip ${dir}：目录里没有 .mmdb 文件（应放入 GeoLite2-Country.mmdb 和/或 GeoLite2-ASN.mmdb，见 docs/integrations.md）`,
    geoipUnreadable: (file, why) => `--geoip ${file}：无法作为 MaxMind 数据库读取（${why}）`,
    geoipNoDatabase: (dir, names) => `--geoip ${dir}：${names.join('、')} 中没有国家（Country）、城市（City）或 ASN 数据库`,
    outputWrite: (file, p) => `--output ${file}：${zh.usage.writeProblem(p)}`,
    finalReport: (file, p) => `--final-report ${file}：${zh.usage.writeProblem(p)}`,
    outputIsInput: (file, same, option = '--output') =>
      `${option} ${file}：这是输入文件之一${same === null ? '' : same === '-' ? '（标准输入正是从它读取的）' : `（与 ${same} 是同一个文件）`}；为免覆盖日志，不予写入`,
    writeProblem: (p) => {
      switch (p.code) {
        case 'no-such-directory':
          return `目录不存在：${p.dir}`;
        case 'not-found':
          return '文件不存在';
        case 'parent-not-directory':
          return `${p.dir} 不是目录`;
        case 'no-permission-in-dir':
          return `没有在 ${p.dir} 中创建文件的权限`;
        case 'permission-denied':
          return '没有写入权限';
        case 'is-directory':
          return '是一个目录';
        case 'read-only':
          return `${p.dir} 所在的文件系统是只读的`;
        case 'no-space':
          return '设备上没有剩余空间';
        case 'quota':
          return '超出了磁盘配额';
        case 'system-error':
          return `系统错误：${systemWords(p.message, p.errno)}`;
      }
    },
    state: (file, p) => `--state ${file}：${zh.usage.stateProblem(p)}`,
    stateLater: (file, p) => `${file}：${zh.usage.stateProblem(p)}`,
    stateProblem: (p) => {
      switch (p.code) {
        case 'unreadable':
          return `无法读取状态文件：${zh.input.problem(p.problem)}`;
        case 'unsaved':
          return `无法保存状态：${zh.usage.writeProblem(p.problem)}`;
        case 'not-json':
          return '不是 logscan 的状态文件（JSON 无效）；把它移走即可从头开始';
        case 'not-object':
          return '不是 logscan 的状态文件（不是 JSON 对象）；把它移走即可从头开始';
        case 'version':
          return `不支持的状态文件版本 ${p.version}；把它移走即可从头开始`;
        case 'bad-entry':
          return `无效的条目 ${p.entry}`;
      }
    },
    signatures: (file, entry, p, detail) => `签名数据无效：${file}${entry ? `（${entry}）` : ''}：${p === null ? detail : zh.usage.signatureProblem(p)}`,
    signatureProblem: (p) => {
      switch (p.code) {
        case 'not-directory':
          return '不是目录（由 --signatures 指定）';
        case 'builtin-missing':
          return '找不到内置的签名目录';
        case 'no-files':
          return `没有找到签名文件；应至少有 ${p.expected.join('、')} 之一${p.found.length ? `（目录里有 ${p.found.join('、')}）` : ''}`;
        case 'unreadable':
          return `无法读取：${zh.input.problem(p.problem)}`;
        case 'not-json':
          return `不是有效的 JSON：${p.why}`;
      }
    },
    homeNet: (raw) => `--home-net：“${raw}”不是地址或 CIDR 网段（例如 203.0.113.0/24、2001:db8::/48）`,
    resolveServer: (why, bad) => `--resolve-server：${bad === null ? why : `“${bad}”不是有效的 IP 地址`}（应为一个地址，可带端口：192.0.2.53、192.0.2.53:5353、[2001:db8::53]:53）`,
    queryEmpty: '查询为空：请给出端口（6776）、端口/协议（33500/udp）、端口范围（6970-7170）、ICMP 类型（8/icmp）或名称（sub7）',
    queryPort: (raw, port) => `无效的查询“${raw}”：端口 ${port} 超出范围（0-65535）`,
    querySyntax: (raw) => `无效的查询“${raw}”：应为 PORT、PORT/tcp|udp、FROM-TO、FROM-TO/tcp|udp 或 TYPE/icmp|icmpv6`,
    queryIcmpType: (raw) => `无效的查询“${raw}”：ICMP 类型是 0-255 之间的一个数（8/icmp、135/icmpv6）`,
    queryProto: (raw, proto) => `无效的查询“${raw}”：协议应为 tcp、udp、icmp 或 icmpv6，而不是“${proto}”`,
    queryRange: (raw, from, to) => `无效的查询“${raw}”：范围起点 ${from} 大于终点 ${to}`,
  },

  lineReason: {
    missing: (r) => `${r.field}：缺失`,
    'missing-found': (r) => `${r.field}：缺失（该处为 ${r.value}）`,
    'missing-token': (r) => `${r.field}：缺少 ${r.value}`,
    'missing-split': (r) => `${r.field}：缺失（记录被截断或拆分）`,
    empty: (r) => `${r.field}：为空`,
    truncated: (r) => `${r.field}：被截断`,
    'invalid-address': (r) => `${r.field}：无效的地址 ${r.value}`,
    'invalid-port': (r) => `${r.field}：无效的端口 ${r.value}`,
    'unknown-port-name': (r) => `${r.field}：端口名 ${r.value} 不是思科端口名表中的名称`,
    invalid: (r) => `${r.field}：无效的值 ${r.value}`,
    'invalid-column': (r) => `字段 ${r.field}：无效的值 ${r.value}`,
    'unknown-column': (r) => `字段 ${r.field}：未知的值 ${r.value}`,
    'not-in-header': (r) => `字段 ${r.field}：不在 #Fields 文件头中`,
    'vpcflow-not-in-header': (r) => `字段 ${r.field}：不在标题行中`,
    'vpcflow-field-count': (r) => `应有 ${r.expected} 个字段（${r.named ? '按标题行' : '默认格式：没有标题行指明其他字段'}），实际为 ${r.value} 个`,
    'field-count': (r) => `应有 ${r.expected} 个字段（按 #Fields），实际为 ${r.value} 个`,
    'not-a-number': (r) => `${r.field}：不是数字`,
    'not-a-protocol': (r) => `${r.field}：不是协议号 ${r.value}`,
    unknown: (r) => `${r.field}：未知的值 ${r.value}`,
    'neither-id-nor-text': (r) => `${r.field}：既不是编号也不是名称`,
    'neither-string-nor-bytes': (r) => `${r.field}：既不是字符串也不是字节数组`,
    'invalid-syntax': (r) => `${r.field}：语法无效`,
    'unknown-flag': (r) => `${r.field}：含有未知的标志字母 ${r.value}`,
    'family-differs': (r) => `${r.field}：地址类型（IPv4/IPv6）与 ${r.value} 不同`,
    unclosed: (r) => `${r.field}：${r.value} 未闭合`,
    'unclosed-in': (r) => `${r.field}：${r.value} 中的 ${r.bracket} 未闭合`,
    expected: (r) => `${r.field}：应为 ${r.value}`,
    'expected-found': (r) => `${r.field}：应为 ${r.syntax}，实际为 ${r.value}`,
    'expected-in': (r) => `${r.field}：${r.value} 中应有 ${r.syntax}`,
    'expected-level': (r) => `${r.field}：${r.value} 中应有级别数字`,
    'expected-message-id': (r) => `${r.field}：${r.value} 中应有消息编号`,
    'expected-direction': (r) => `${r.field}：应为 inbound 或 outbound`,
    'next-line': (r) => `${r.field}：在下一行（tcpdump -v）`,
    'cut-before': (r) => `被截断：该行在 ${r.value} 之前就结束了（被 syslog 守护进程截断？）`,
    'too-few-fields': (r) => `被截断：只有 ${r.value} 个字段（IP 字段之前至少应有 9 个）`,
    'fields-for-addresses': (r) => `被截断：只有 ${r.value} 个字段，IPv${r.version} 地址需要 ${r.need} 个`,
    'ports-missing': (r) => `被截断：缺少 ${r.value} 端口`,
    'not-filterlog-csv': () => '不是 filterlog CSV（方向或 IP 版本字段不对）',
    'two-records': () => '一行中有两条记录（本记录的字段之后又出现了 SRC=）',
    overlong: (r) => `行长超过 ${r.limit} 个字符（${r.value}）`,
    'parser-error': (r) => `解析器错误：${r.value}`,
    'year-range': (r) => `${r.field}：年份 ${r.value} 超出支持的范围 ${MIN_YEAR}-${MAX_YEAR}`,
    'year-range-column': (r) => `字段 ${r.field}：年份 ${r.value} 超出支持的范围 ${MIN_YEAR}-${MAX_YEAR}`,
    'impossible-day': (r) => `${r.field}：不存在的日期（${r.value}）`,
    'impossible-month': (r) => `${r.field}：不存在的日期（月份为 ${r.value}）`,
    'impossible-hour': (r) => `${r.field}：不存在的时间（小时为 ${r.value}）`,
    'impossible-minute': (r) => `${r.field}：不存在的时间（分钟为 ${r.value}）`,
    'impossible-second': (r) => `${r.field}：不存在的时间（秒为 ${r.value}）`,
    'impossible-date-offset': (r) => `${r.field}：不存在的日期（UTC 偏移无效）`,
    'impossible-offset': (r) => `${r.field}：不存在的 UTC 偏移`,
    'impossible-stamp': (r) => `${r.field}：不存在的日期 ${r.value}`,
    'leap-day-inferred': (r) => `${r.field}：该行没有写年份，推断出的年份 ${r.value} 没有 2 月 29 日（可用 --year 指定年份）`,
    'repeat-count': (r) => `${r.field}：次数 ${r.value} 超出范围 1-${r.max}`,
    'repeat-syntax': (r) => `${r.field}：应为 "N times: [ … ]"，次数为 1 到 ${r.max}，实际为 ${r.value}`,
    'header-unread': () => '未能识别日志头：从 kernel: 标签之后读取',
    'not-record': () => '不是防火墙记录',
    'not-ip': (r) => `${r.value} 数据包，不是 IP：logscan 只读取 IP 数据包`,
    blank: () => '空行',
    'empty-message': () => '消息为空',
    'journal-no-message': () => 'journald 条目没有 MESSAGE 字段',
    'not-journal-json': () => '不是 JSON 格式的 journald 条目',
    'not-kernel': (r) => `不是内核消息（_TRANSPORT=${r.value}）`,
    'binary-field': (r) => `不支持二进制的 ${r.value} 字段`,
    'asa-not-packet': (r) => `ASA ${r.value}：不是数据包或连接的消息`,
    'ios-not-packet': (r) => `IOS %${r.value}：不是访问列表或防火墙的数据包消息`,
    'tcpdump-continued': (r) => `第 ${r.value} 行 tcpdump -v 记录的第二行：已与该行一并读取`,
    'fortigate-not-traffic': (r) => `类型为 ${r.value} 的 FortiGate 日志：不是流量记录`,
    'sonicwall-not-packet': (r) => `SonicWall 消息 m=${r.value}：不是数据包或连接记录`,
    'paloalto-not-traffic': (r) => `类型为 ${r.value} 的 PAN-OS 日志：不是 TRAFFIC 记录`,
    'paloalto-session-start': () => 'PAN-OS 会话开始记录：该会话由其结束记录计数',
    'ftd-connection-start': () => 'FTD 430002，已放行连接的开始记录：该连接由其结束记录（430003）计数',
    'fortigate-session-start': () => 'FortiGate 会话开始记录：该会话由其结束记录计数',
    'fortigate-legacy-traffic': () => 'FortiOS 4 流量日志（log_id=、status=、src=）：不读取这种旧格式',
    'junos-not-flow': (r) => `Junos ${r.value}：不是流会话或防火墙过滤器记录`,
    'sophos-not-firewall': (r) => `${r.value} 的 Sophos 日志：不是防火墙记录`,
    'watchguard-not-packet': (r) => `WatchGuard 消息 ${r.value}：不是包过滤的判定`,
    'checkpoint-not-firewall': (r) => `${r.value} 的 Check Point 日志：不是防火墙记录`,
    'checkpoint-not-verdict': (r) => `动作为 ${r.value} 的 Check Point 防火墙记录：不是包过滤的判定`,
    'checkpoint-drop-summary': (r) => `Check Point 的优化丢弃汇总（${r.value} 个去往不同目标的数据包）：不读取`,
    'checkpoint-fields-layout': () => 'Check Point 的结构化数据格式记录（[Fields@1.3.6.1.4.1.2620 …]）：不读取；请让 Log Exporter 发送 syslog 格式（[key:"value"; …]）',
    'cef-not-firewall': (r) => `${r.value} 的 CEF 记录：不是防火墙的记录`,
    'cef-not-verdict': (r) => `CEF 防火墙记录 ${r.value}：不是对数据包或连接的判定`,
    'cef-session-half': (r) => `CEF 会话记录 ${r.value}：该会话由它的另一条记录计数`,
    'cef-no-packet': (r) => `CEF 防火墙判定 ${r.value} 没有 src 或 dst：没有可读取的数据包`,
    'leef-not-firewall': (r) => `${r.value} 的 LEEF 记录：不是防火墙的记录`,
    'leef-not-traffic': (r) => `LEEF 防火墙记录 ${r.value}：不是流量记录`,
    'leef-not-verdict': (r) => `LEEF 防火墙记录 ${r.value}：不是对数据包或连接的判定`,
    'leef-session-half': (r) => `LEEF 会话记录 ${r.value}：该会话由它的另一条记录计数`,
    'leef-no-packet': (r) => `LEEF 防火墙判定 ${r.value} 没有 src 或 dst：没有可读取的数据包`,
    'gcp-not-firewall': (r) => `${r.value} 的 Cloud Logging 条目：不是防火墙规则日志`,
    'gcp-no-connection': () => 'Cloud Logging 防火墙条目没有 jsonPayload.connection：没有可读的连接',
    'meraki-not-firewall': (r) => `类型为 ${r.value} 的 Meraki 日志：不是防火墙流记录`,
    'meraki-flow-end': () => 'Meraki ip_flow_end：该流由其 ip_flow_start 记录计数',
    'vpcflow-no-flow': (r) => `log-status 为 ${r.value} 的 VPC 流日志记录：${r.value === 'NODATA' ? '该时间段内没有流量' : '服务未能捕获的流'}，不含流`,
    'vpcflow-other-half': () => '反方向的已接受 VPC 流记录：其连接已由另一半的记录计数',
    'vpcflow-transit-gateway': () => '中转网关（transit gateway）流日志记录：没有接受/拒绝的判定，不是防火墙记录',
    'vpcflow-header': (r) => `文件头：VPC 流日志的 ${r.value} 个字段`,
    'azure-not-verdict': (r) => `Azure Firewall ${r.value} 记录：不是对连接的判定`,
    'azure-alert-only': () => 'Azure Firewall 告警：流量已放行，由其规则记录计数',
    'azure-host-name': () => 'Azure Firewall 记录以主机名指明目标：没有可读的地址',
    'stormshield-not-filter': (r) => `类型为 ${r.value} 的 Stormshield 日志：不是过滤或连接记录`,
    'stormshield-connection-end': () => 'Stormshield 连接记录：该连接已由其过滤记录（放行）计数',
    'zyxel-category': (r) => `类别为 ${r.value} 的 Zyxel 日志：不是防火墙或流量记录`,
    'zyxel-no-verdict': (r) => `note 为 ${r.value} 的 Zyxel 防火墙记录：没有阻止或转发的判定`,
    'zyxel-traffic-end': () => 'Zyxel 流量日志（会话的结束）：该连接已由其 ACCESS FORWARD 记录计数',
    'hillstone-not-session': (r) => `类型为 ${r.value} 的山石网科（Hillstone）日志：不是会话记录`,
    'hillstone-session-end': () => '山石网科（Hillstone）会话结束记录：该连接已由其会话开始记录计数',
    'vrp-other-log': (r) => `华为/新华三（H3C）的 ${r.value} 日志：不是安全策略、包过滤或会话记录`,
    'vrp-session-end': () => '已计数连接的又一条记录（该连接已由其安全策略放行记录或该会话较早的记录计数）',
    'fields-header': (r) => `文件头：#Fields（${r.value} 个字段）`,
    'time-format-header': (r) => `文件头：#Time Format ${r.value}`,
    header: (r) => `文件头：${r.value}`,
  },

  diagnostics: {
    input: (file, problem) => `${file}：${problem}`,
    malformed: (file, line, reason, text) => `${file} 第 ${line} 行格式错误：${reason}${text ? `：${text}` : ''}`,
    malformedTotal: (total, shown) => `共有 ${fmtInt(total)} 行格式错误（只列出了前 ${shown} 行；\`logscan check FILE\` 会逐一说明）`,
    readOnce: (file, sameAs) => `${file}：${sameAs === null ? '重复给出' : `与 ${sameAs} 是同一个文件`}；只读一次`,
    noMatch: (read, given, first, last) => `读到的 ${fmtInt(read)} 个事件中没有符合 ${given.length > 1 ? `${given.slice(0, -1).join('、')} 和 ${given[given.length - 1]}` : given.join('')} 的${first ? `；读到的事件从 ${first} 到 ${last}` : ''}`,
    stdoutWrite: (p) => `无法写入标准输出：${zh.usage.writeProblem(p)}`,
    interrupted: (signal, what) => `被 ${signal} 中断；${what === 'check' ? '检查只涵盖' : '输出只包含'}中断前读到的内容`,
    internalError: (message) => `内部错误：${message}`,
    bug: '这是 logscan 的缺陷；请加上 --debug 重新运行以得到调用栈，并报告这个问题',
    systemLimit: (limit) => SYSTEM_LIMITS_ZH[limit],
    stdoutNotRead: (signal, state) =>
      `标准输出没有被读取：收到 ${signal} 后尚未输出的内容已丢弃${state ? '（--state 记下的是输出已被取走的最后一行的位置：重新启动时会再读一遍其余部分）' : ''}`,
  },

  input: {
    nonUtf8Hint: '（文件名不是有效的 UTF-8，Node.js 无法按此名打开；请给文件改名，或从标准输入读取：logscan - < FILE）',
    problem: (p) => {
      switch (p.code) {
        case 'not-found':
          return `文件不存在${p.nonUtf8Name ? zh.input.nonUtf8Hint : ''}`;
        case 'permission-denied':
          return '没有读取权限';
        case 'is-directory':
          return '是一个目录';
        case 'directory':
          return '是一个目录（请给出其中的日志文件）';
        case 'symlink-loop':
          return '符号链接层数过多';
        case 'name-too-long':
          return '文件名过长';
        case 'not-a-directory':
          return '路径中的某一级上级不是目录';
        case 'system-error':
          return `系统错误：${systemWords(p.message, p.errno)}`;
        case 'empty-gz':
          return '名为 .gz 的空文件（没有 gzip 数据）';
        case 'not-gzip':
          return '名为 .gz，但内容不是 gzip 数据';
        case 'binary':
          return `看起来是二进制数据，不是文本日志（前 ${fmtInt(p.sampled)} 字节中有 ${fmtInt(p.controls)} 个控制字节）；已跳过`;
        case 'utf16-no-bom':
          return '看起来是 UTF-16 文本，不是 UTF-8/ASCII 日志；已跳过（请先转换：iconv -f UTF-16 -t UTF-8）';
        case 'bad-utf16':
          return '以 UTF-16 字节序标记开头，内容却不是 UTF-16 文本；已跳过';
        case 'packed':
          return `${p.name} 压缩数据，不是文本日志；已跳过（请先解压：${p.unpack} FILE | logscan -）`;
        case 'unpacker-missing':
          return `${p.name} 压缩数据：未安装 ${p.command} 命令；请先安装（apt install ${p.package}），或先解压：${p.cat} FILE | logscan -`;
        case 'gzip-not-followed':
          return 'gzip 压缩数据（轮转后的旧日志？），不是仍在增长的文本日志；不跟踪（请用 logscan FILE 读取）';
        case 'never-appeared':
          return '跟踪期间始终没有出现';
        case 'packed-not-followed':
          return `${p.name} 压缩数据（轮转后的旧日志？），不是仍在增长的文本日志；不跟踪（请用 logscan FILE 读取）`;
        case 'shrank':
          return `文件在读取过程中变短了（打开时 ${fmtInt(p.size)} 字节，读到 ${fmtInt(p.read)} 字节）；是被截断或轮转了吗？`;
        case 'gzip-trailing':
          return `gzip 数据结束之后还有 ${fmtInt(p.bytes)} 字节不是 gzip 数据，已忽略（此前的每一行都已读取）`;
        case 'gzip-cut':
          return `gzip 数据在${p.line === 0 ? '第一行之前' : `第 ${fmtInt(p.line)} 行之后`}被截断或已损坏（${zlibWords(p.why)}）`;
        case 'unpack-cut':
          return `${p.name} 数据在${p.line === 0 ? '第一行之前' : `第 ${fmtInt(p.line)} 行之后`}被截断或已损坏（${p.why}）${p.line === 0 && blockKB(p.name) !== undefined ? `：一行也读不出：${p.name} 只能整块解压（每块最多 ${blockKB(p.name)} kB 文本），而断处在第一块中` : ''}`;
        case 'read-error':
          return `${p.line === 0 ? '第一行之前' : `第 ${fmtInt(p.line)} 行之后`}读取出错：${systemWords(p.message, p.errno)}`;
      }
    },
  },

  formats: {
    'windows-firewall': 'Windows（Defender）防火墙的 pfirewall.log（W3C #Fields 表头，本地时间）',
    'journald-export': 'systemd 日志的导出格式（journalctl -k -o export）：KEY=value 块，内核 netfilter 消息',
    'journald-json': 'systemd 日志的 JSON 格式（journalctl -k -o json）：每行一条记录，内核 netfilter 消息',
    iptables: 'netfilter/iptables 的 LOG 日志行（ufw、firewalld、Shorewall、EdgeOS/UniFi、Proxmox、OpenWrt），来自 syslog、kern.log、dmesg、journalctl、OpenWrt logread 或 Kiwi Syslog 的文本输出',
    'pfsense-filterlog': 'pfSense / OPNsense 的 filterlog CSV 记录（BSD syslog 或 RFC 5424，IPv4 与 IPv6）',
    'cisco-asa': (ids) => `Cisco ASA / PIX / FTD 的 syslog（%ASA-n-NNNNNN）；以下消息编号生成事件：${ids}；其他编号跳过`,
    mikrotik: 'MikroTik RouterOS 的防火墙日志行（in:/out:、proto、src->dst），经 syslog 传来或由 /log print 写出（日期取自文件），IPv4 与 IPv6',
    'cisco-ios': 'Cisco IOS / IOS XE 的访问列表日志（%SEC-6-IPACCESSLOG*、%IPV6_ACL-6-ACCESSLOG*、IOS XE 的 %FMANFP-6-IPACCESSLOG*）与基于区域的防火墙丢弃记录（%FW-6-DROP_PKT），经 syslog 传来，IPv4 与 IPv6；其他消息跳过',
    fortigate: 'Fortinet FortiGate（FortiOS）的流量日志，key=value 格式（type=traffic：forward、local、multicast、sniffer），直接写入或经 syslog 传来，IPv4 与 IPv6；其他类型的日志跳过',
    sonicwall: 'SonicWall（SonicOS）的增强 syslog，key=value 格式（id= sn= time= … m=）：被丢弃的数据包（m=36、37、38、41、580、1233、1235）以及连接的建立与关闭（m=98、537），直接写入或经 syslog 传来，IPv4 与 IPv6；其他消息跳过',
    paloalto: 'Palo Alto Networks PAN-OS 的 TRAFFIC 日志，CSV 格式（子类型 end、drop、deny；start 跳过，会话由其 end 记录计数），直接写入或经 syslog 传来，IPv4 与 IPv6；其他类型的日志跳过',
    'juniper-srx': 'Juniper SRX（Junos）的流会话日志（RT_FLOW_SESSION_DENY、_CREATE、_CLOSE），普通 syslog 或结构化数据（RFC 5424），IPv4 与 IPv6，以及 Junos 防火墙过滤器日志（PFE_FW_SYSLOG_IP、kernel: FW:）；其他 Junos 消息跳过',
    pf: 'OpenBSD/FreeBSD/macOS 的 pf 日志，即 tcpdump -n -e -ttt -r pflog 打印的内容（IPv4/IPv6，tcp/udp/icmp）',
    'sophos-utm': 'Sophos UTM（Astaro）的包过滤日志行（YYYY:MM:DD-HH:MM:SS 时间戳，sub="packetfilter" 的 key="value" 记录），来自 /var/log/packetfilter.log 或经 syslog 传来，IPv4 与 IPv6；UTM 的其他日志行跳过',
    leef: 'IBM QRadar 日志事件扩展格式（LEEF:1.0 与 2.0|Vendor|Product|Version|EventID|属性）的防火墙记录（PAN-OS、Check Point、FortiGate 等，见 signatures/leef.json），直接写入或经 syslog 传来，对其流量类别中数据包和连接的判定（allow/deny/drop/Accept/Drop 等），devTime 按 devTimeFormat 读取，IPv4 与 IPv6；其他产品、类别（THREAT、SYSTEM 等）和会话开始记录跳过',
    cef: '通用事件格式（CEF:Version|Vendor|Product|…|Extension）的防火墙记录（Check Point、FortiGate、PAN-OS、Forcepoint NGFW、经转发的 Cisco ASA、Sophos、Trend Micro、UniFi 等，见 signatures/cef.json），直接写入或经 syslog 传来，对数据包和连接的判定（act 为 Drop/Deny/Accept/permit 等），IPv4 与 IPv6；其他产品和记录跳过',
    'aws-vpcflow': 'AWS VPC 流日志（安全组与网络 ACL 的判定：ACCEPT、REJECT），默认格式，或由投递到 S3 的文件的标题行指明的自定义格式，IPv4 与 IPv6；NODATA/SKIPDATA 与中转网关的记录跳过',
    'azure-firewall': "Azure Firewall 日志，来自诊断设置（存储帐户或事件中心），每行一个 JSON 记录（blob 中的 {\"records\":[…]} 先经 jq -c '.records[]' 转换）：网络规则、NAT 规则与威胁情报记录，包括旧版类别（AzureFirewallNetworkRule …，文本 msg）与结构化表（AZFWNetworkRule、AZFWNatRule、AZFWThreatIntel）；应用规则、DNS、IDPS 等其他记录跳过",
    hillstone: '山石网科（Hillstone Networks）StoneOS 防火墙（SG-6000、E、A、X 系列、CloudEdge）经 syslog 发送的日志：Traffic@FLOW 会话记录（policy deny；session start；session end，没有会话开始记录计数时由它计数），带或不带 HillstoneNetworks# 前缀，IPv4 与 IPv6；NAT 记录和其他类型的日志（Security、Threat、Event、Config …）跳过',
    'h3c-secpath': '新华三（H3C）SecPath 防火墙（Comware 7）经 syslog 传来的快速日志（%%10）：FILTER/FILTER_ZONE_IPV4_EXECUTION 与 _IPV6_（安全策略的 Permit 与 Deny，一条 Deny 按 MatchCount 计为多个被阻止的数据包）、FILTER_IPV4_EXECUTION 与 _IPV6_（包过滤）、SESSION/SESSION_IPV4_FLOW 与 _IPV6_（会话日志，每个连接只计一次）；报头的年份在时间之后，可带 -Chassis=…; 前缀，IPv4 与 IPv6；其他模块（ATK 攻击防范、IPS、URL 过滤、审计、登录、系统 …）的日志跳过',
    'huawei-usg': '华为 USG、HiSecEngine 与 Eudemon 防火墙（VRP）经 syslog 传来的信息中心日志（%%01）：POLICY/POLICYDENY 与 POLICYPERMIT（安全策略匹配）、SECLOG/SESSION_TEARDOWN（会话结束，没有放行记录计数时由它计数）与 SECLOG/PACKET_DENY；报头的年份在时间之前或之后，带 +08:00 时区偏移与 DST 标记，IPv4 与 IPv6；其他模块（IPS、URL 过滤、攻击防范、登录、系统 …）的日志跳过',
    stormshield: 'Stormshield Network Security（SNS）审计日志，key=value 格式（logtype="filter"：block 与 pass；"connection" 与 "plugin"：连接的结束，没有过滤记录计数时由它计数），直接写入或经 syslog（RFC 5424 或 BSD）传来，IPv4 与 IPv6；其他类型的日志（alarm、web、vpn、system …）跳过',
    zyxel: 'ZLD 固件的 Zyxel 防火墙（ZyWALL USG、USG FLEX、ATP、VPN）经 syslog 发送的 key="value" 日志（Security Policy Control 与 Firewall 记录：ACCESS BLOCK 与 ACCESS FORWARD；Traffic Log 是会话的结束，没有转发记录计数时由它计数），IPv4 与 IPv6；其他类别（IDP、Anti-Virus、Content Filter、Sessions Limit、User、System、VPN …）跳过',
    'sophos-xg': 'Sophos Firewall（SFOS，XG/XGS）的防火墙日志，key=value 格式（log_type="Firewall"；v17-v19 的 date/time 与 v19.5 及以后的 timestamp 两种布局），直接写入或经 syslog 传来，IPv4 与 IPv6；其他类型的日志跳过',
    watchguard: 'WatchGuard Firebox（Fireware）的流量日志，经 syslog 传来（msg_id="3000-0148" 被允许或拒绝的数据包，"3000-0173" 在任何策略之前被拒绝的数据包），IPv4 与 IPv6；其他消息（连接结束、代理、IPS、事件、告警）跳过',
    checkpoint: 'Check Point 网关（R80/R81）经 Log Exporter 的 syslog 格式发送的日志（RFC 5424 或 BSD 头之后的 [key:"value"; …]，或没有头），读取防火墙模块的 Drop/Reject/Block/Accept 记录，IPv4 与 IPv6；其他产品和动作跳过',
    'gcp-firewall': 'Google Cloud VPC 防火墙规则日志：Cloud Logging 条目，每行一个 JSON 对象（Cloud Storage 接收器写出的文件；gcloud logging read --format=json 的输出先经 jq -c \'.[]\' 转换），允许与拒绝的连接，IPv4 与 IPv6；其他日志条目跳过',
    meraki: 'Cisco Meraki MX（及 MR）的 syslog：三层防火墙流记录（flows、firewall、vpn_firewall、cellular_firewall …；pattern: allow/deny、1/0）与 ip_flow_start，epoch 时间戳，直接写入或经 syslog 传来，IPv4 与 IPv6；ip_flow_end 与其他类型（events、urls、ids-alerts …）跳过',
  },
};
