// The ContractError a call throws, for tests that read what a refusal says to the pilot.
import { expect } from 'vitest';
import { ContractError } from '../../shared/contract/errors';

export function refusal(fn: () => unknown): ContractError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ContractError);
    return err as ContractError;
  }
  throw new Error('expected a refusal');
}
