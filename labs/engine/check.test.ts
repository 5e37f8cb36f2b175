// The check engine over hand-made observations: the kinds the lab folders exercise least
// (command, output exit status, any/not, hidden checks), the notes of runs that could not be
// checked, and feedback in Simplified Chinese.
import { describe, expect, it } from 'vitest';
import type { CheckSpec, StepSpec } from '../format';
import { describeCheck, evaluateCheck, evaluateStep } from './check';
import { emptyObservation, type Observation, type Outcome, type ProgramResult } from './observation';

const program = (over: Partial<ProgramResult> = {}): ProgramResult => ({
  file: 'a.c',
  host: 'client',
  pid: 100,
  stdout: 'fd = 3\n',
  stderr: '',
  status: 0,
  fault: null,
  ...over,
});

function observation(
  commands: string[],
  programs: ProgramResult[] = [program()],
  outcome: Outcome = { k: 'done' },
): Observation {
  return { ...emptyObservation(outcome, programs), commands };
}

const check = (c: CheckSpec, obs: Observation, lang: 'en' | 'zh-CN' = 'en') =>
  evaluateCheck(c, { obs, lang, host: undefined });

describe('evaluateCheck', () => {
  it('finds a shell command and lists the last ones when it is missing', () => {
    const obs = observation(['cd lab', 'ip route', 'run a.c']);
    expect(check({ kind: 'command', regex: '^ip route' }, obs)).toMatchObject({ ok: true, seen: 'ip route' });
    expect(check({ kind: 'command', regex: '^ip neigh' }, obs)).toMatchObject({
      ok: false,
      want: 'a shell command matching /^ip neigh/',
      seen: 'last commands: cd lab; ip route; run a.c',
    });
  });

  it('matches an exit status and shows a fault', () => {
    const obs = observation([], [program({ status: 139, fault: 'Segmentation fault (line 4)' })]);
    expect(check({ kind: 'output', exit: 0 }, obs)).toMatchObject({
      ok: false,
      want: 'exit status 0',
      seen: 'a.c: "fd = 3\\n" (exit 139, Segmentation fault (line 4))',
    });
    expect(check({ kind: 'output', exit: { op: '>=', value: 128 } }, obs).ok).toBe(true);
  });

  it('combines with any and not, and keeps ids and hidden flags', () => {
    const obs = observation([]);
    const any: CheckSpec = {
      kind: 'any',
      id: 'either',
      hidden: true,
      checks: [
        { kind: 'output', regex: 'fd = 4' },
        { kind: 'output', regex: 'fd = 3' },
      ],
    };
    expect(check(any, obs)).toMatchObject({ ok: true, id: 'either', hidden: true });
    const not = check({ kind: 'not', check: { kind: 'output', regex: 'fd' } }, obs);
    expect(not).toMatchObject({ ok: false, want: 'never: stdout matching /fd/' });
  });

  it('writes feedback in Simplified Chinese', () => {
    const r = check({ kind: 'syscall', name: 'connect', ret: 0 }, observation([]), 'zh-CN');
    expect(describeCheck(r, 'zh-CN')).toBe(
      '✗ 期望: 一次 connect() 系统调用，返回 0\n  看到: 没有调用 connect()',
    );
  });
});

describe('evaluateStep', () => {
  const step: StepSpec = {
    id: 's',
    checks: [
      { kind: 'output', regex: 'fd' },
      { kind: 'output', regex: 'secret', hidden: true },
    ],
  };

  it('leaves hidden checks out in the app and keeps them when grading', () => {
    const obs = observation([]);
    expect(evaluateStep(step, obs, { lang: 'en', grading: false })).toMatchObject({
      ok: true,
      note: undefined,
    });
    expect(evaluateStep(step, obs, { lang: 'en', grading: false }).checks).toHaveLength(1);
    expect(evaluateStep(step, obs, { lang: 'en', grading: true })).toMatchObject({ ok: false });
  });

  it('fails a step whose run looped, with a note naming the program', () => {
    const obs = observation([], [program({ status: null })], { k: 'budget', instructions: 1000 });
    expect(evaluateStep(step, obs, { lang: 'en', grading: false })).toMatchObject({
      ok: false,
      note: 'a.c was still running after 1000 instructions: does it loop forever?',
    });
  });

  it('checks nothing when the submission did not compile', () => {
    const obs = emptyObservation({ k: 'compile', file: 'a.c', text: 'a.c:1:1: error: x' });
    expect(evaluateStep(step, obs, { lang: 'zh-CN', grading: true })).toEqual({
      step: 's',
      ok: false,
      note: 'a.c 编译失败：\na.c:1:1: error: x',
      checks: [],
    });
  });
});
