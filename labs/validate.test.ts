// loadLab: a minimal lab loads; each kind of mistake a teacher can make is reported by name,
// all at once, instead of the lab's steps.
import { describe, expect, it } from 'vitest';
import { parseLabText } from './text';
import { loadLab } from './validate';

const LAB = {
  format: 1,
  id: 'mini',
  student: ['a.c'],
  runs: { default: { programs: [{ file: 'a.c', from: 'student' }] } },
  steps: [
    {
      id: 'one',
      checks: [{ kind: 'output', regex: 'hi' }],
      predict: [{ id: 'q', answer: { query: 'syscallRet', name: 'socket' } }],
    },
  ],
  wrong: [
    { name: 'w1', failsStep: 'one', feedback: 'hi' },
    { name: 'w2', failsStep: 'one', feedback: 'hi' },
  ],
};
const MD =
  '# Mini\n\nIntro.\n\n## One {#one}\n\nDo it.\n\n### Hint\n\nFirst.\n\n### Hint\n\nSecond.\n\n### Question {#q}\n\nWhat?\n';

function files(over: Record<string, string | undefined> = {}, lab: unknown = LAB): Map<string, string> {
  const all: Record<string, string | undefined> = {
    'lab.json': JSON.stringify(lab),
    'en.md': MD,
    'zh-CN.md': MD,
    'solution/a.c': 'int main(void) { return 0; }',
    'wrong/w1/a.c': 'x',
    'wrong/w2/a.c': 'y',
    ...over,
  };
  return new Map(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

const errorsOf = (r: ReturnType<typeof loadLab>) => (r.ok ? [] : r.errors);

describe('loadLab', () => {
  it('loads a minimal lab with its text, hints and question', () => {
    const r = loadLab('01-mini', files());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.en.steps['one']).toEqual({
      title: 'One',
      body: 'Do it.',
      hints: ['First.', 'Second.'],
      questions: { q: 'What?' },
    });
    expect([...r.wrong.keys()]).toEqual(['w1', 'w2']);
    expect(r.solution.get('a.c')).toContain('main');
  });

  it('reports bad JSON and missing files', () => {
    expect(errorsOf(loadLab('mini', files({ 'lab.json': '{', 'zh-CN.md': undefined })))).toEqual([
      expect.stringMatching(/^lab\.json: /),
      'no zh-CN.md',
    ]);
  });

  it('reports schema problems with the field path', () => {
    const lab = { ...LAB, steps: [{ id: 'One', checks: [{ kind: 'call' }] }] };
    expect(errorsOf(loadLab('mini', files({}, lab)))).toEqual([
      'lab.json: steps.0.id: a lowercase name like "send-path"',
      'lab.json: steps.0.checks.0.fn: Invalid key: Expected "fn" but received undefined',
    ]);
  });

  it('reports every cross-reference problem at once', () => {
    const lab = {
      ...LAB,
      runs: {
        other: {
          programs: [
            { file: 'srv.c', from: 'lab' },
            { file: 'b.c', from: 'student' },
          ],
        },
      },
      steps: [
        {
          id: 'one',
          checks: [
            { kind: 'fn', name: 'nope' },
            { kind: 'event', name: 'no_such_tracepoint' },
          ],
          predict: [
            { id: 'q', answer: { query: 'syscallRet', name: 'socket' } },
            { id: 'r', answer: { query: 'syscallRet', name: 'x' } },
          ],
        },
      ],
      wrong: [
        { name: 'w1', failsStep: 'two', feedback: 'hi' },
        { name: 'w3', failsStep: 'one', feedback: 'hi' },
      ],
    };
    expect(errorsOf(loadLab('07-other-name', files({ 'solution/a.c': undefined }, lab)))).toEqual([
      'runs.other: no fixtures/srv.c',
      'runs.other: b.c is not one of the student files (a.c)',
      'step one: no run named "default" in runs',
      expect.stringMatching(/^step one: no check function "nope" \(known: segmentsWithinMss\)$/),
      expect.stringMatching(/^step one: no trace event kind "no_such_tracepoint" \(known: call, ret, /),
      "the folder is named 07-other-name; name it mini or NN-mini after the lab's id",
      'no solution/a.c',
      'wrong w1: failsStep "two" is not a step',
      'wrong w3: no files in wrong/w3/',
      'en.md: step one has no "### Question {#r}"',
      'zh-CN.md: step one has no "### Question {#r}"',
    ]);
  });

  it('reports text sections that are missing or are not steps', () => {
    const md = '# Mini\n\n## Other {#other}\n';
    expect(errorsOf(loadLab('mini', files({ 'en.md': md })))).toEqual([
      'en.md: no section for step "one"',
      'en.md: section "other" is not a step of lab.json',
    ]);
  });
});

describe('parseLabText', () => {
  it('names the line of each malformed heading', () => {
    expect(parseLabText('# A\n## No id\n### Hint\n### Hints\n# B\n')).toEqual({
      errors: [
        'line 2: a step heading needs an id, like "## Create a socket {#create}"',
        'line 3: a hint before the first step',
        'line 4: write "### Hint" or "### Question {#id}"',
        'line 5: a second "# " title',
      ],
    });
    expect(parseLabText('text only')).toEqual({ errors: ['no "# " title'] });
  });
});
