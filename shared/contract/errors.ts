import type { ContractErrorValue, UserMessage } from './types';

/** An error a person can act on: a stable code for code, a sentence in both UI languages for people. */
export class ContractError extends Error {
  readonly code: string;
  readonly userMessage: UserMessage;
  constructor(code: string, message: UserMessage) {
    super(message.en);
    this.name = 'ContractError';
    this.code = code;
    this.userMessage = message;
  }
  toValue(): ContractErrorValue {
    return { code: this.code, message: this.userMessage };
  }
}

export function msg(en: string, zh: string): UserMessage {
  return { en, zh };
}

/** Any thrown value as a ContractErrorValue; unknown errors keep their text but get a generic code. */
export function toErrorValue(err: unknown): ContractErrorValue {
  if (err instanceof ContractError) return err.toValue();
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: msg(`Internal error: ${text}`, `内部错误：${text}`) };
}
