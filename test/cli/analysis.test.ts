// buildAnalysis builds its annotator for the first event it annotates, not before: the main
// thread of a threaded report never annotates, and held the annotator's port indexes idle
// (docs/performance.md, "Memory"). Annotating through it must read as a fresh annotator does.
import { describe, expect, it, vi } from 'vitest';
import type * as AnnotateModule from '../../src/annotate/index.js';
import type { CommonOptions } from '../../src/cli/options.js';

vi.mock('../../src/annotate/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof AnnotateModule>();
  return { ...actual, createAnnotator: vi.fn(actual.createAnnotator) };
});

const { createAnnotator } = await import('../../src/annotate/index.js');
const { buildAnalysis } = await import('../../src/cli/analysis.js');
const { fixtureEvents } = await import('../helpers/parse.js');

const OPTIONS: CommonOptions = { inputFormat: null, year: null, tz: null, lang: 'en', signatures: [], homeNet: [] };
const created = vi.mocked(createAnnotator);

describe('buildAnalysis', () => {
  it('builds no annotator until an event is annotated, then one for all of them', () => {
    created.mockClear();
    const analysis = buildAnalysis(OPTIONS);
    expect(analysis.kb.entries.length).toBeGreaterThan(0);
    expect(created).not.toHaveBeenCalled();
    const events = fixtureEvents().slice(0, 50);
    for (const e of events) analysis.annotate(e);
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('annotates as an annotator built at once does, stateful detectors included', () => {
    const lazy = fixtureEvents();
    const eager = fixtureEvents();
    const analysis = buildAnalysis(OPTIONS);
    const annotator = createAnnotator(analysis.kb, { lang: 'en' });
    for (const e of lazy) analysis.annotate(e);
    for (const e of eager) annotator.annotate(e);
    expect(lazy.length).toBeGreaterThan(100);
    expect(lazy.filter((e) => e.annotations.length > 0).length).toBeGreaterThan(50);
    expect(lazy.map((e) => e.annotations)).toEqual(eager.map((e) => e.annotations));
  });
});
