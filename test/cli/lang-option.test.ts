// The language a run takes from its environment (cli/lang-option.ts): gettext's rule for
// messages (LC_ALL, LC_MESSAGES, LANG; LANGUAGE first unless the locale is C), --lang over
// it, and English for output to programs unless --lang asks.
import { describe, expect, it } from 'vitest';
import { langOfArgs, localeLang, runLang } from '../../src/cli/lang-option.js';

describe('localeLang: the locale names the language', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh'],
    ['zh_TW.UTF-8', 'zh'],
    ['zh_HK.Big5-HKSCS', 'zh'],
    ['zh_SG', 'zh'],
    ['zh.UTF-8', 'zh'],
    ['zh', 'zh'],
    ['zh_CN.GB18030@stroke', 'zh'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['C.UTF-8', 'en'],
    ['en_US.UTF-8', 'en'],
    ['de_DE.UTF-8', 'en'],
    // Zhuang, not Chinese: the language is the letters before _ . @, not a prefix.
    ['zha_CN', 'en'],
    ['', 'en'],
  ])('LANG=%j → %s', (lang, expected) => {
    expect(localeLang({ LANG: lang })).toBe(expected);
  });

  it('nothing set at all is English', () => {
    expect(localeLang({})).toBe('en');
  });

  it('LC_ALL, then LC_MESSAGES, then LANG: the first one set and not empty', () => {
    expect(localeLang({ LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(localeLang({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeLang({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeLang({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(localeLang({ LC_MESSAGES: 'POSIX', LANG: 'zh_CN.UTF-8' })).toBe('en');
    // Empty is unset (POSIX): the next one decides.
    expect(localeLang({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeLang({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'C' })).toBe('zh');
    // Other categories do not name the language of messages.
    expect(localeLang({ LC_CTYPE: 'zh_CN.UTF-8', LC_TIME: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('en');
  });

  it('LANGUAGE comes first when the locale is not C: its first language logscan has', () => {
    expect(localeLang({ LANGUAGE: 'zh_CN', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(localeLang({ LANGUAGE: 'zh', LC_ALL: 'de_DE.UTF-8' })).toBe('zh');
    expect(localeLang({ LANGUAGE: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeLang({ LANGUAGE: 'de:fr:zh_TW:en', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(localeLang({ LANGUAGE: 'en_GB:zh', LANG: 'zh_CN.UTF-8' })).toBe('en');
    // None logscan has: its own messages, English, as gettext falls back (not to the locale's language).
    expect(localeLang({ LANGUAGE: 'de:fr', LANG: 'zh_CN.UTF-8' })).toBe('en');
    // Empty entries and an empty LANGUAGE are nothing.
    expect(localeLang({ LANGUAGE: '::zh', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(localeLang({ LANGUAGE: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });

  it('LANGUAGE is ignored in the C locale, and with no locale set (which is C)', () => {
    expect(localeLang({ LANGUAGE: 'zh', LANG: 'C' })).toBe('en');
    expect(localeLang({ LANGUAGE: 'zh', LANG: 'C.UTF-8' })).toBe('en');
    expect(localeLang({ LANGUAGE: 'zh', LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeLang({ LANGUAGE: 'zh' })).toBe('en');
    expect(localeLang({ LANGUAGE: 'en', LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
  });
});

describe('runLang: --lang, else the locale for people and English for programs', () => {
  const zh = { LANG: 'zh_CN.UTF-8' };
  it('--lang overrides the locale both ways', () => {
    expect(runLang('en', false, zh)).toBe('en');
    expect(runLang('zh', false, { LANG: 'C' })).toBe('zh');
    expect(runLang('zh', true, { LANG: 'C' })).toBe('zh');
  });
  it('without it: the locale for output to people, English for output to programs', () => {
    expect(runLang(undefined, false, zh)).toBe('zh');
    expect(runLang(undefined, true, zh)).toBe('en');
    expect(runLang(undefined, false, { LANG: 'de_DE.UTF-8' })).toBe('en');
  });
});

describe('langOfArgs: the command line before commander reads it', () => {
  const zh = { LANG: 'zh_CN.UTF-8' };
  it('--lang wherever it stands, the last one counting; else the locale', () => {
    expect(langOfArgs(['--bogus', '--lang', 'en'], zh)).toBe('en');
    expect(langOfArgs(['--lang=en', 'x.log'], zh)).toBe('en');
    expect(langOfArgs(['--lang', 'zh', '--lang', 'en'], zh)).toBe('en');
    expect(langOfArgs(['--bogus'], zh)).toBe('zh');
    expect(langOfArgs(['--bogus'], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langOfArgs(['--lang', 'zh'], { LANG: 'C' })).toBe('zh');
  });
  it('an unknown --lang and one after -- are not a choice: the locale decides', () => {
    expect(langOfArgs(['--lang', 'fr'], zh)).toBe('zh');
    expect(langOfArgs(['--lang', 'fr'], {})).toBe('en');
    expect(langOfArgs(['--', '--lang', 'en'], zh)).toBe('zh');
  });
});
