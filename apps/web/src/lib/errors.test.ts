import { DevpiError } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('describeError', () => {
  it("keeps devpi's sentence and drops pyramid boilerplate and Python reprs", () => {
    expect(describeError({ message: 'Access was denied to this resource.\n\n\nUnauthorized: PyPIView failed permission check\n\n' })).toBe('Access was denied to this resource.');
    expect(describeError({ message: 'no permission to modify user <devpi_server.model.User object at 0x7f3a>' })).toBe('no permission to modify user this user');
    expect(describeError({ message: "project <NormalizedName 'p' 'p'> is on non-volatile index u/i" })).toBe('project p is on non-volatile index u/i');
  });

  it("uses the title when devpi's message is only newlines (upload errors)", () => {
    const error = new DevpiError({ kind: 'http', status: 403, method: 'POST', url: '/u/i/', message: '\n\n\n', title: 'no permission to submit' });
    expect(describeError(error)).toBe('no permission to submit');
  });
});
