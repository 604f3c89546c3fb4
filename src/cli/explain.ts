// `logscan explain QUERY...`: what a port, port/proto, range or name means according
// to the knowledge base, and what an annotation or finding id means (explain-ids.ts).
// Wiring only: parse the queries, load, answer, render.

import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import { explainQuery, parseQuery, type ExplainQuery } from '../knowledge/query.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { renderExplainJson, renderExplainTable, type ExplainAnswer } from '../render/explain.js';
import { describeIcmp, describeIds, searchIcmpTypes } from './explain-ids.js';
import { collect } from './repeatable.js';
import { terminalWidth, useColor } from './tty.js';

export interface ExplainOptions {
  outputFormat: 'table' | 'json';
  lang: Lang;
  signatures: string[];
  /** Terminal width for the table; defaults to the terminal's, $COLUMNS, or 100. */
  width?: number;
  color?: boolean;
}

/** Runs the command and returns the text to print; throws UsageError / SignatureError. */
export function runExplain(queries: readonly string[], opts: ExplainOptions): string {
  if (queries.length === 0) throw new UsageError('explain: give at least one port, port/proto, range, address or name');
  // Parse every query before loading anything, so a typo fails fast and alone.
  const parsed = queries.map(parseQuery);
  const kb = loadKnowledge({ extraDirs: opts.signatures });
  const results = parsed.map((q) => answerQuery(kb, q, opts.lang));
  if (opts.outputFormat === 'json') return renderExplainJson(results, opts.lang);
  return renderExplainTable(results, kb, {
    lang: opts.lang,
    width: opts.width ?? terminalWidth(),
    color: opts.color ?? useColor(process.stdout),
  });
}

/**
 * The knowledge base's answer and, for a word, the annotation or finding id and the ICMP
 * types it names (for an ICMP type, the ids about it).
 */
export function answerQuery(kb: KnowledgeBase, q: ExplainQuery, lang: Lang): ExplainAnswer {
  const ids = q.kind === 'search' ? describeIds(q.term, lang) : q.kind === 'icmp' ? describeIcmp(q.proto, q.type, lang) : [];
  const icmpTypes = q.kind === 'search' ? searchIcmpTypes(q.term, lang) : [];
  return { ...explainQuery(kb, q), ids, icmpTypes };
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain what a port, port/proto, range, ICMP type, address, malware name, annotation or finding id means (e.g. 6776, 33500/udp, 6970-7170, 8/icmp, 224.0.0.251, sub7, sub7-artifact, vertical-scan)')
    .argument('<query...>', 'PORT, PORT/tcp|udp, FROM-TO[/proto], TYPE/icmp|icmpv6, an IPv4/IPv6 address, an annotation or finding id, or a name/family/category to search')
    .addOption(new Option('-o, --output-format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--lang <lang>', 'language of the explanations').choices(['en', 'zh']).default('en'))
    .option('--signatures <dir>', 'extra signatures directory (repeatable); entries with the same id override', collect)
    .action((queries: string[], raw: { outputFormat: 'table' | 'json'; lang: Lang; signatures?: string[] }) => {
      process.stdout.write(runExplain(queries, { outputFormat: raw.outputFormat, lang: raw.lang, signatures: raw.signatures ?? [] }));
    });
}
