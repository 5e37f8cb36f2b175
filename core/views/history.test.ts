import { describe, expect, it } from 'vitest';
import { sentHello } from './fixture';

describe('fieldHistory', () => {
  it('lists sk_state’s changes newest first with the function that made each', () => {
    const { views, send } = sentHello();
    const history = views.history('client', '0xffff888010001280', 'sk_state', send.endSeq).changes;
    expect(history.map((c) => `${c.old} -> ${c.new} by ${c.by}`)).toEqual([
      'TCP_SYN_SENT (2) -> TCP_ESTABLISHED (1) by tcp_set_state',
      'TCP_CLOSE (7) -> TCP_SYN_SENT (2) by tcp_set_state',
      '0 -> TCP_CLOSE (7) by sock_init_data',
    ]);
    expect(history.map((c) => c.seq)).toEqual([...history.map((c) => c.seq)].sort((a, b) => b - a));
  });

  it('stops at the view’s event', () => {
    const { views, socket } = sentHello();
    expect(
      views.history('client', '0xffff888010001280', 'sk_state', socket.endSeq).changes.map((c) => c.new),
    ).toEqual(['TCP_CLOSE (7)']);
  });

  it('is empty for a field that never changed or an unknown struct', () => {
    const { views } = sentHello();
    expect(views.history('client', '0xffff888010001000', 'flags')).toEqual({ meaning: null, changes: [] });
    expect(views.history('nohost', '0x1', 'x')).toEqual({ meaning: null, changes: [] });
  });

  it('gives the field’s meaning in English and Chinese', () => {
    const { views } = sentHello();
    expect(views.history('client', '0xffff888010001280', 'snd_cwnd').meaning).toEqual({
      en: 'Congestion window in segments.',
      zh: '拥塞窗口，以报文段计。',
    });
  });
});
