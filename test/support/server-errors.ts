// Matchers for assert.rejects in the client suites.
import assert from 'node:assert/strict';
import { ServerResponseError } from '../../src/client';

/** The code and status of a ServerResponseError, checked inside assert.rejects. */
export function serverError(status: number, code: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ServerResponseError, `expected a ServerResponseError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  };
}
