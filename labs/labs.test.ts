// Every lab folder, end to end through the check engine: it loads without problems, its
// reference solution passes every step (hidden checks included), each wrong solution fails
// the step its lab.json names with feedback containing the expected words, and the
// predict-then-observe questions read the expected answers from the reference run.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../test/helpers/cParser';
import { type CParser } from '../core/index';
import { readLabs } from '../main/host/labsDisk';
import { checkSubmission, describeCheck, observeAnswer, type Lab, type LabReport } from './index';

const root = new URL('../', import.meta.url).pathname;
const labs = readLabs(join(root, 'labs'));

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

/** feedback prints a report's failing steps as the app would show them. */
function feedback(r: LabReport): string {
  return r.steps
    .filter((s) => !s.ok)
    .map((s) =>
      [
        `step ${s.step}: ${s.note ?? ''}`,
        ...s.checks.filter((c) => !c.ok).map((c) => describeCheck(c, 'en')),
      ].join('\n'),
    )
    .join('\n');
}

/** ANSWERS are the reference runs' answers to every predict question, by lab and question id. */
const ANSWERS: Record<string, Record<string, string>> = {
  'socket-create': { protocol: '6' },
  'four-objects': { ops: 'inet_stream_ops', 'sndbuf-value': '16384', 'old-cwnd': '2' },
  'send-path': { 'after-transmit': 'ip_queue_xmit', 'data-frames': '1' },
  segmentation: { 'mss-cache': '1448', segments: '3' },
  nagle: { frames: '2', 'nodelay-frames': '3' },
  'route-neigh': { requests: '1' },
  netfilter: { syns: '0' },
  udp: { 'connect-calls': '0', 'fragment-count': '2' },
  'receive-path': { ret: '5' },
  congestion: { sndbuf: '18920', ca: 'cubic' },
  'kernel-versions': { 'hop-3-10': 'inet_sendmsg', 'hop-2-6-32': 'tcp_sendmsg' },
};

describe('labs', { timeout: 60_000 }, () => {
  it('loads every lab folder without problems', () => {
    const broken = labs.filter((l) => !l.ok);
    expect(broken).toEqual([]);
    // The eleven labs of the guided-labs issue, in course order.
    expect(labs.map((l) => (l as Lab).spec.id)).toEqual([
      'socket-create',
      'four-objects',
      'send-path',
      'segmentation',
      'nagle',
      'route-neigh',
      'netfilter',
      'udp',
      'receive-path',
      'congestion',
      'kernel-versions',
    ]);
  });

  describe.each(labs.filter((l): l is Lab => l.ok).map((l) => [l.spec.id, l] as const))('%s', (id, lab) => {
    it('passes every step with the reference solution', () => {
      const r = checkSubmission(lab, lab.solution, parser);
      expect(feedback(r)).toBe('');
      expect(r.ok).toBe(true);
      const answers: Record<string, string | undefined> = {};
      for (const step of lab.spec.steps) {
        for (const q of step.predict ?? []) {
          answers[q.id] = observeAnswer(q.answer, r.observations.get(step.run ?? 'default')!).value;
        }
      }
      expect(answers).toEqual(ANSWERS[id] ?? {});
    });

    it.each(lab.spec.wrong.map((w) => [w.name, w] as const))(
      'fails wrong solution %s at its step with its feedback',
      (_name, w) => {
        const r = checkSubmission(lab, lab.wrong.get(w.name)!, parser);
        const step = r.steps.find((s) => s.step === w.failsStep)!;
        expect(r.ok).toBe(false);
        expect(step.ok).toBe(false);
        const text = [
          step.note ?? '',
          ...step.checks.filter((c) => !c.ok).map((c) => describeCheck(c, 'en')),
        ].join('\n');
        expect(text).toContain(w.feedback);
      },
    );
  });
});
