import { describe, expect, it } from 'vitest';
import { sentHello } from './fixture';
import { CHART_FIELDS } from './timeline';

describe('timelineView', () => {
  it('spans the whole trace and marks every system call', () => {
    const { views, index } = sentHello();
    const tl = views.timeline();
    expect(tl.total).toBe(index.length);
    expect(tl.endT).toBe(index.trace.get(index.length - 1).t);
    expect(tl.marks.map((m) => `${m.host} ${m.name}`)).toEqual([
      'server socket',
      'server bind',
      'server listen',
      'client socket',
      'client connect',
      'client connect',
      'server accept4',
      'client send',
    ]);
    expect(tl.marksTruncated).toBe(false);
    expect(tl.hosts).toEqual([
      { name: 'client', addr: '10.0.0.1', mac: '02:00:00:00:00:01', kernel: '3.10' },
      { name: 'server', addr: '10.0.0.2', mac: '02:00:00:00:00:02', kernel: '3.10' },
    ]);
    expect(tl.drops).toEqual(index.drops);
  });
});

describe('chartSeries', () => {
  it('charts the client’s tcp_sock, one point per change, values carried forward', () => {
    const { views, index } = sentHello();
    const chart = views.chart()!;
    expect(chart.host).toBe('client');
    expect(chart.names).toEqual(CHART_FIELDS);
    expect(chart.values).toHaveLength(CHART_FIELDS.length);
    for (const column of chart.values) expect(column).toHaveLength(chart.t.length);
    expect(chart.t).toEqual([...chart.t].sort((a, b) => a - b));
    const cwnd = chart.values[0]!;
    expect(cwnd.at(-1)).toBe(10);
    const expected = CHART_FIELDS.flatMap((f) => index.fieldChanges('client', chart.obj, f)).sort(
      (a, b) => a - b,
    );
    expect(chart.seq).toEqual(expected);
  });

  it('has no chart before any TCP socket sent', () => {
    const { views } = sentHello();
    expect(views.chart('client', '0xffff888099999999')).toEqual({
      host: 'client',
      obj: '0xffff888099999999',
      names: CHART_FIELDS,
      t: [],
      seq: [],
      values: CHART_FIELDS.map(() => []),
    });
  });
});
