import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  clientMessageSchema,
  commandSchemas,
  describeIssues,
  eventSchemas,
  requestSchemas,
} from './contract';

describe('contract', () => {
  it('gives every request an args and a reply schema', () => {
    for (const [name, entry] of Object.entries(requestSchemas)) {
      expect(entry.args, `${name}.args`).toHaveProperty('kind', 'schema');
      expect(entry.reply, `${name}.reply`).toHaveProperty('kind', 'schema');
    }
  });

  it('gives every command and event a schema', () => {
    for (const schema of [...Object.values(commandSchemas), ...Object.values(eventSchemas)]) {
      expect(schema).toHaveProperty('kind', 'schema');
    }
  });

  it('names the bad field when a payload does not match', () => {
    const result = v.safeParse(commandSchemas['terminal.resize'], { terminalId: 't1', cols: 0, rows: 'x' });
    expect(result.success).toBe(false);
    const text = describeIssues(result.issues ?? []);
    expect(text).toMatch(/^cols: Invalid value: Expected >=1 but received 0; rows: Invalid type/);
  });

  it('rejects extra fields in a strict payload', () => {
    const result = v.safeParse(commandSchemas['terminal.close'], { terminalId: 't1', evil: true });
    expect(result.success).toBe(false);
  });

  it('accepts requests and commands and refuses other envelopes', () => {
    expect(v.is(clientMessageSchema, { type: 'request', id: 1, name: 'app.info', args: {} })).toBe(true);
    expect(v.is(clientMessageSchema, { type: 'command', name: 'terminal.input', args: {} })).toBe(true);
    expect(v.is(clientMessageSchema, { type: 'event', name: 'x', payload: 1 })).toBe(false);
    expect(v.is(clientMessageSchema, { type: 'request', id: -1, name: 'app.info', args: {} })).toBe(false);
  });
});
