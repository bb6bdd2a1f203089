// Pure translation: no React, no DOM, so unit tests and stores can use it in Node.
import type { UserMessage } from '../../shared/contract/types';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Vars = Record<string, string | number>;

/** `{name}` placeholders are replaced by vars; a missing var stays visible as `{name}` so it gets noticed. */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first preferred language we have: any zh* means zh-CN, en* means en; otherwise en. */
export function pickLanguage(preferred: readonly string[] | undefined): Language {
  for (const tag of preferred ?? []) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The contract's errors carry both languages; show the one the UI is in. */
export function localMessage(lang: Language, message: UserMessage): string {
  return lang === 'zh-CN' ? message.zh || message.en : message.en || message.zh;
}

/** A UI-made error in the contract's shape, both languages from the dictionaries. */
export function bothLanguages(key: MessageKey, vars?: Vars): UserMessage {
  return { en: translate('en', key, vars), zh: translate('zh-CN', key, vars) };
}
