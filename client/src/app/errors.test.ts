import { describe, expect, it } from 'vitest';
import { ApiError, answerError, parseError, readAnswer } from './errors';

describe('parseError, the one reader of failures', () => {
  it('reads a refused socket ack as its code and message', () => {
    const parsed = parseError({ ok: false, error: { code: 'operations.not_member', message: 'Not a member' } });
    expect(parsed).toMatchObject({ status: 0, code: 'operations.not_member', message: 'Not a member' });
    expect(parsed.fieldErrors).toEqual({});
  });

  it('names the fields of every details shape the server sends', () => {
    const shapes = [
      { field: 'value' },
      { fields: [{ path: '/aliases/0', message: 'Too small' }] },
      { fields: ['reference'] },
      { issues: [{ path: ['ageEstimate'], message: 'Too big' }] },
      { fields: [{ path: 'body.stages.0.amountMinor', message: 'Too small' }] },
    ];
    const read = shapes.map((details) => parseError(new ApiError(400, 'request.invalid', 'Invalid', details)));
    expect(read.map((error) => error.fieldErrors)).toEqual([
      { value: 'Invalid' },
      { aliases: 'Too small' },
      { reference: 'Invalid' },
      { ageEstimate: 'Too big' },
      { stages: 'Too small' },
    ]);
    expect(read[1]?.problems).toEqual([{ path: '/aliases/0', message: 'Too small' }]);
  });

  it('turns HTTP answers into errors with the server’s code, or a plain one when the body says nothing', () => {
    const body = JSON.stringify({ error: { code: 'platforms.already_claimed', message: 'Taken' } });
    expect(answerError(409, body)).toMatchObject({ status: 409, code: 'platforms.already_claimed', message: 'Taken' });
    expect(answerError(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'response.invalid' });
    expect(answerError(503, '')).toMatchObject({ code: 'server.internal' });
    expect(readAnswer<{ ok: boolean }>(200, '{"ok":true}')).toEqual({ ok: true });
    expect(() => readAnswer(201, 'not json')).toThrow(ApiError);
  });

  it('reads anything thrown without an answer as a generic failure', () => {
    expect(parseError(new Error('boom'))).toMatchObject({ code: 'server.internal', message: 'boom', fieldErrors: {} });
  });
});
