// Each program's own stdin (read, poll and end of input per program) and job control stops
// (SIGSTOP, SIGTSTP, SIGCONT) in the scheduler, with C programs compiled by core/lang.
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../test/helpers/cParser';
import { World } from '../kernel/index';
import type { CParser } from '../lang/index';
import { compileProgram } from '../lang/index';
import { Exec, StdinQueue, type Proc } from './index';

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

/** ECHO_LINES prints each chunk read from fd 0 with its argv[1] tag, then "eof" at end of input. */
const ECHO_LINES = `#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
    char buf[64];
    int n;
    while ((n = read(0, buf, sizeof buf - 1)) > 0) {
        buf[n] = 0;
        printf("%s read %s", argv[1], buf);
    }
    printf("%s eof\\n", argv[1]);
    return 0;
}
`;

/** POLL_STDIN waits in poll() for fd 0, then reads what came. */
const POLL_STDIN = `#include <poll.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    struct pollfd p = { .fd = 0, .events = POLLIN };
    int r = poll(&p, 1, -1);
    char buf[32];
    int n = read(0, buf, sizeof buf - 1);
    buf[n] = 0;
    printf("poll %d revents %d read %s", r, p.revents, buf);
    return 0;
}
`;

/** TICK prints a tick after each simulated second, for ever. */
const TICK = `#include <stdio.h>
#include <unistd.h>
int main(void) {
    for (int i = 0;; i++) {
        sleep(1);
        printf("tick %d\\n", i);
    }
}
`;

/** TSTP_HANDLER catches SIGTSTP, says so, and ends. */
const TSTP_HANDLER = `#include <signal.h>
#include <stdio.h>
#include <unistd.h>
void on_tstp(int sig) { printf("caught %d\\n", sig); }
int main(void) {
    signal(SIGTSTP, on_tstp);
    pause();
    return 3;
}
`;

/** RAISE_STOP stops itself with raise(SIGSTOP) and SIGTSTP, and says where it is after each resume. */
const RAISE_STOP = `#include <signal.h>
#include <stdio.h>
int main(void) {
    printf("before\\n");
    int r = raise(SIGSTOP);
    printf("after SIGSTOP: %d\\n", r);
    r = raise(SIGTSTP);
    printf("after SIGTSTP: %d\\n", r);
    return 4;
}
`;

/** SELECT_STDIN waits in select() for fd 0, then reads what came. */
const SELECT_STDIN = `#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>
int main(void) {
    fd_set r;
    FD_ZERO(&r);
    FD_SET(0, &r);
    int n = select(1, &r, NULL, NULL, NULL);
    char buf[32];
    int got = read(0, buf, sizeof buf - 1);
    buf[got] = 0;
    printf("select %d isset %d read %s", n, FD_ISSET(0, &r) ? 1 : 0, buf);
    return 0;
}
`;

/** STOP_CHILD stops and continues a spinning child with kill(), counting the SIGCHLDs it gets. */
const STOP_CHILD = `#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
volatile int chld = 0;
void on_chld(int sig) { chld++; }
int main(void) {
    signal(SIGCHLD, on_chld);
    pid_t c = fork();
    if (c == 0) {
        for (;;) {}
    }
    kill(c, SIGSTOP);
    while (chld < 1) {}
    printf("stopped: %d\\n", chld);
    kill(c, SIGCONT);
    while (chld < 2) {}
    printf("continued: %d\\n", chld);
    kill(c, SIGKILL);
    int st;
    waitpid(c, &st, 0);
    printf("killed by %d\\n", WTERMSIG(st));
    return 0;
}
`;

/** Out collects a program's stdout and stderr as text. */
class Out {
  text = '';
  readonly sink = (b: Uint8Array) => {
    this.text += new TextDecoder().decode(b);
  };
}

function spawn(x: Exec, text: string, out: Out, argv: string[], stdin?: StdinQueue): Proc {
  const r = compileProgram(parser, { path: 'p.c', text });
  if (r.program === undefined) throw new Error(`did not compile: ${JSON.stringify(r.diagnostics)}`);
  return x.spawn(r.program, {
    host: 'client',
    argv,
    stdout: out.sink,
    stderr: out.sink,
    tty: true,
    ...(stdin === undefined ? {} : { stdin }),
  });
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Exec per-program stdin', () => {
  it('gives each program only its own input and ends only its own input', () => {
    const x = new Exec(new World({ seed: 1 }));
    const [oa, ob] = [new Out(), new Out()];
    const [qa, qb] = [new StdinQueue(), new StdinQueue()];
    const a = spawn(x, ECHO_LINES, oa, ['p', 'A'], qa);
    const b = spawn(x, ECHO_LINES, ob, ['p', 'B'], qb);
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    qa.push(bytes('one\n'));
    qb.push(bytes('two\n'));
    qa.end();
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    expect(oa.text).toBe('A read one\nA eof\n');
    expect(ob.text).toBe('B read two\n');
    expect([a.state, a.status, b.state, b.wait]).toEqual(['exited', 0, 'blocked', { k: 'stdin' }]);
    qb.push(bytes('three\n'));
    qb.end();
    expect(x.run({ instructions: 1_000_000 })).toBe('done');
    expect(ob.text).toBe('B read two\nB read three\nB eof\n');
  });

  it('leaves programs without their own stdin on the shared terminal', () => {
    const x = new Exec(new World({ seed: 1 }));
    const [oa, ob] = [new Out(), new Out()];
    spawn(x, ECHO_LINES, oa, ['p', 'A']);
    const b = spawn(x, ECHO_LINES, ob, ['p', 'B'], new StdinQueue());
    x.writeStdin(bytes('shared\n'));
    x.endStdin();
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    expect(oa.text).toBe('A read shared\nA eof\n');
    expect([ob.text, b.state]).toEqual(['', 'blocked']);
  });

  it('wakes a program in poll() on fd 0 when its own input arrives', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const q = new StdinQueue();
    const p = spawn(x, POLL_STDIN, out, ['p'], q);
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    expect(p.state).toBe('blocked');
    x.writeStdin(bytes('not mine\n')); // the shared terminal is not its stdin
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    expect(out.text).toBe('');
    q.push(bytes('hi\n'));
    expect(x.run({ instructions: 1_000_000 })).toBe('done');
    expect(out.text).toBe('poll 1 revents 1 read hi\n');
  });

  it('wakes a program in select() on fd 0 when its own input arrives', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const q = new StdinQueue();
    spawn(x, SELECT_STDIN, out, ['p'], q);
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    q.push(bytes('yo\n'));
    expect(x.run({ instructions: 1_000_000 })).toBe('done');
    expect(out.text).toBe('select 1 isset 1 read yo\n');
  });
});

describe('Exec job control stops', () => {
  it('sends the parent SIGCHLD when its child stops and when it continues', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const p = spawn(x, STOP_CHILD, out, ['parent']);
    expect(x.run({ instructions: 5_000_000 })).toBe('done');
    expect([out.text, p.status]).toEqual(['stopped: 1\ncontinued: 2\nkilled by 9\n', 0]);
  });

  const secs = (n: number) => n * 1e9;

  it('stops a program on SIGSTOP and resumes it on SIGCONT where it was', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const p = spawn(x, TICK, out, ['tick']);
    x.run({ instructions: 1_000_000, untilNs: secs(2.5) });
    expect(out.text).toBe('tick 0\ntick 1\n');
    x.signal(p, 19);
    expect(p.stoppedBy).toBe(19);
    expect(x.run({ instructions: 1_000_000, untilNs: secs(5.5) })).toBe('idle');
    expect(out.text).toBe('tick 0\ntick 1\n');
    x.signal(p, 18);
    expect(p.stoppedBy).toBe(null);
    x.run({ instructions: 1_000_000, untilNs: secs(4.5) });
    // The sleep that was due at 3 s while it was stopped ends as soon as it runs again.
    expect(out.text).toBe('tick 0\ntick 1\ntick 2\ntick 3\n');
    expect(x.world.sim.now).toBe(secs(4));
  });

  it('stops a program that raises SIGSTOP or SIGTSTP before raise() returns, and returns 0 once continued', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const p = spawn(x, RAISE_STOP, out, ['raise']);
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    expect([out.text, p.stoppedBy]).toEqual(['before\n', 19]);
    x.signal(p, 18);
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    expect([out.text, p.stoppedBy]).toEqual(['before\nafter SIGSTOP: 0\n', 20]);
    x.signal(p, 18);
    expect(x.run({ instructions: 1_000_000 })).toBe('done');
    expect([out.text, p.status]).toEqual(['before\nafter SIGSTOP: 0\nafter SIGTSTP: 0\n', 4]);
  });

  it('stops on SIGTSTP by default, holds other signals until SIGCONT, and dies of SIGKILL at once', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const p = spawn(x, TICK, out, ['tick']);
    x.run({ instructions: 1_000_000, untilNs: secs(1.5) });
    x.signal(p, 20);
    x.signal(p, 15);
    expect(x.run({ instructions: 1_000_000, untilNs: secs(3.5) })).toBe('idle');
    // SIGTERM woke it from its sleep, but a stopped program does not run.
    expect([p.state, p.stoppedBy, out.text]).toEqual(['runnable', 20, 'tick 0\n']);
    x.signal(p, 18);
    expect(x.run({ instructions: 1_000_000 })).toBe('done');
    expect([p.status, p.waitStatus, out.text]).toEqual([143, 15, 'tick 0\n']);

    const q = spawn(x, TICK, out, ['tick']);
    x.signal(q, 19);
    x.signal(q, 9);
    expect([q.state, q.status]).toEqual(['exited', 137]);
  });

  it('runs a SIGTSTP handler instead of stopping when the program catches it', () => {
    const x = new Exec(new World({ seed: 1 }));
    const out = new Out();
    const p = spawn(x, TSTP_HANDLER, out, ['h']);
    expect(x.run({ instructions: 1_000_000 })).toBe('idle');
    x.signal(p, 20);
    expect(x.run({ instructions: 1_000_000 })).toBe('done');
    expect([p.stoppedBy, p.status, out.text]).toEqual([null, 3, 'caught 20\n']);
  });
});
