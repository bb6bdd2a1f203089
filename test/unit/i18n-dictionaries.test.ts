import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { bothLanguages, dictionaries, LANGUAGES, localMessage, pickLanguage, translate } from '../../renderer/i18n/translate';
import { zhCN } from '../../renderer/i18n/zh-CN';

describe('i18n dictionaries', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('no value is empty in any language', () => {
    for (const lang of LANGUAGES) {
      for (const [key, value] of Object.entries(dictionaries[lang])) {
        expect(value.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('every placeholder of a key is in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(names(zhCN[key]), key).toEqual(names(en[key]));
    }
  });

  it('the visible words a pilot reads are really translated', () => {
    expect(translate('zh-CN', 'app.name')).toBe('警用无人机地面站');
    expect(translate('en', 'app.name')).toBe('Police GCS');
    expect(['gps.0', 'gps.1', 'gps.4', 'gps.5', 'gps.6'].map((k) => translate('zh-CN', k as keyof typeof en))).toEqual(['无GPS', '未定位', '差分', 'RTK浮点', 'RTK固定']);
    expect(translate('en', 'gps.6')).toBe('RTK fixed');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'vehicle.callsign', { sysid: 7 })).toBe('UAV-7');
    expect(translate('zh-CN', 'conn.lost', { seconds: 3 })).toBe('连接已断开，3 秒后重试');
    expect(translate('en', 'conn.lost')).toBe('Connection lost, retrying in {seconds} s');
  });

  it('picks the first preferred language it has', () => {
    expect(pickLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(['zh'])).toBe('zh-CN');
    expect(pickLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(pickLanguage(['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(pickLanguage(['de'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('shows a contract message in the UI language', () => {
    const m = { en: 'Port busy', zh: '端口被占用' };
    expect(localMessage('zh-CN', m)).toBe('端口被占用');
    expect(localMessage('en', m)).toBe('Port busy');
    expect(localMessage('zh-CN', { en: 'only english', zh: '' })).toBe('only english');
    expect(bothLanguages('conn.notConnected')).toEqual({ en: en['conn.notConnected'], zh: zhCN['conn.notConnected'] });
  });
});
