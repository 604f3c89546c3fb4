// README's commands for shipping events to Elasticsearch / OpenSearch, run as written
// (on samples/ufw.log, with a stand-in `curl` that keeps what it was asked to send): the
// request bodies must be what the _bulk API takes (an action line before each document,
// `create` for the data stream the template makes, a final newline, whole pairs per
// request), sent as NDJSON without curl's `-d` folding the lines, to an index the
// template applies to; the JSON the commands send must parse.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjson, repoRoot, runCliShared, tempDir } from '../helpers/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Shipping events to Elasticsearch / OpenSearch'), readme.indexOf('## The knowledge'));
const template = JSON.parse(readFileSync(join(repoRoot, 'integrations/elasticsearch-template.json'), 'utf8')) as { index_patterns: string[]; data_stream?: object };

/** The section's ```sh blocks, each as one string. */
function shBlocks(): string[] {
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function blockWith(text: string): string {
  const b = shBlocks().find((x) => x.includes(text));
  expect(b, `README's shipping section has a command with ${text}`).toBeDefined();
  return b!;
}

const hasTools = spawnSync('sh', ['-c', 'command -v jq && split --version'], { encoding: 'utf8' }).status === 0;

interface Request {
  args: string[];
  body: string;
}

/** Runs a README command line on samples/ufw.log with a `curl` that records each request, in the order sent. */
function runShipping(command: string): Request[] {
  const dir = tempDir();
  const bin = join(dir, 'bin');
  const out = join(dir, 'requests');
  spawnSync('mkdir', ['-p', bin, out]);
  writeFileSync(
    join(bin, 'curl'),
    '#!/bin/sh\nf=$(mktemp "$CURL_OUT/req-$(date +%s%N)-XXXXXX")\nprintf \'%s\\n\' "$@" > "$f.args"\ncat > "$f"\necho \'{"errors":false}\'\n',
  );
  chmodSync(join(bin, 'curl'), 0o755);
  writeFileSync(join(bin, 'logscan'), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'dist/bin/logscan.cjs')}" "$@"\n`);
  chmodSync(join(bin, 'logscan'), 0o755);
  const script = command.replaceAll('/var/log/ufw.log', join(repoRoot, 'samples/ufw.log'));
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', script], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CURL_OUT: out, TZ: 'UTC' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readdirSync(out)
    .filter((f) => !f.endsWith('.args'))
    .sort()
    .map((f) => ({ args: readFileSync(join(out, `${f}.args`), 'utf8').split('\n').slice(0, -1), body: readFileSync(join(out, f), 'utf8') }));
}

/** Whether an index name matches one of the template's patterns (`*` any run of characters). */
function templateApplies(index: string): boolean {
  return template.index_patterns.some((p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(index));
}

/** The checks every bulk request of README must pass; returns the documents it carries. */
function bulkDocuments(req: Request): Record<string, unknown>[] {
  const header = req.args[req.args.indexOf('-H') + 1];
  expect(header).toBe('Content-Type: application/x-ndjson');
  expect(req.args[req.args.indexOf('--data-binary') + 1]).toBe('@-');
  expect(req.args).not.toContain('-d');
  const url = new URL(req.args.find((a) => a.startsWith('http'))!);
  const [index, api] = url.pathname.slice(1).split('/');
  expect(api).toBe('_bulk');
  expect(templateApplies(index!), `the template applies to ${index}`).toBe(true);
  // ECS: event.dataset should have the value of data_stream.dataset, the middle of logs-<dataset>-<namespace>.
  const dataset = /^logs-([^-]+)-[^-]+$/.exec(index!)?.[1];
  expect(dataset, `${index} is a data stream name`).toBeDefined();
  expect(req.body.endsWith('\n')).toBe(true);
  const lines = req.body.slice(0, -1).split('\n');
  expect(lines.length % 2).toBe(0);
  const docs: Record<string, unknown>[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    // A data stream takes `create` only; `index` fails every item.
    expect(JSON.parse(lines[i]!)).toEqual(template.data_stream ? { create: {} } : { index: {} });
    const doc = JSON.parse(lines[i + 1]!) as { event: { dataset: string } };
    expect(doc.event.dataset).toBe(dataset);
    docs.push(doc);
  }
  return docs;
}

describe("README's Elasticsearch / OpenSearch commands", () => {
  it('install the template the package ships, with a JSON content type', () => {
    const b = blockWith('_index_template/');
    expect(b).toContain("-H 'Content-Type: application/json' -XPUT");
    expect(b).toMatch(/--data-binary @"[^"]*\/integrations\/elasticsearch-template\.json"/);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('integrations');
  });

  it('the ingest pipeline README installs is valid JSON that stamps only a missing @timestamp', () => {
    const b = blockWith('_ingest/pipeline/');
    const body = /-d '([^']*)'/.exec(b)![1]!;
    expect(JSON.parse(body)).toEqual({ processors: [{ set: { field: '@timestamp', value: '{{_ingest.timestamp}}', override: false } }] });
  });

  it.skipIf(!hasTools)('the one-request load sends every event as a valid _bulk body', () => {
    const reqs = runShipping(blockWith('_bulk?'));
    expect(reqs).toHaveLength(1);
    const docs = bulkDocuments(reqs[0]!);
    const expected = ndjson(runCliShared(['events', '--ecs', '--tz', 'Europe/Berlin', join(repoRoot, 'samples/ufw.log')]).stdout);
    expect(docs).toEqual(expected);
  });

  it.skipIf(!hasTools)('the load of a large file sends it in several requests, each a valid _bulk body of whole pairs', () => {
    const command = blockWith('split -l');
    // 693 events at the README's chunk size would be one request: a smaller one shows the split.
    const lines = Number(/split -l (\d+)/.exec(command)![1]);
    expect(lines % 2).toBe(0);
    expect(lines * 1024).toBeLessThan(100 * 1024 * 1024 / 2); // half Elasticsearch's http.max_content_length for documents of 1 KiB on average (2 KiB at most)
    const reqs = runShipping(command.replace(/split -l \d+/, 'split -l 200'));
    expect(reqs.length).toBe(7);
    const docs = reqs.flatMap(bulkDocuments);
    expect(docs).toEqual(ndjson(runCliShared(['events', '--ecs', '--tz', 'Europe/Berlin', join(repoRoot, 'samples/ufw.log')]).stdout));
  });
});
