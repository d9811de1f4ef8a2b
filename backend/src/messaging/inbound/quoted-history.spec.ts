import { describe, expect, it } from 'vitest';
import { stripQuotedHistory } from './quoted-history';

describe('stripQuotedHistory', () => {
  it('cuts at the English "On … wrote:" line', () => {
    const text =
      'Thanks, that helped.\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, Acme Support <support@acme.test> wrote:\r\n> Hello Anna,\r\n> try again';
    expect(stripQuotedHistory(text)).toBe('Thanks, that helped.');
  });

  it('cuts at a header Gmail wrapped onto two lines', () => {
    expect(stripQuotedHistory('Still broken.\n\nOn Mon, 7 Dec 2026 at 10:00, Acme Support <support@acme.test>\nwrote:\n> hi')).toBe(
      'Still broken.',
    );
  });

  it('cuts at the Russian "пишет:" line and at a bare quote block', () => {
    expect(stripQuotedHistory('Спасибо, заработало.\n\nПн, 7 дек. 2026 г. в 10:00, Поддержка <s@acme.test> пишет:\n> Здравствуйте')).toBe(
      'Спасибо, заработало.',
    );
    expect(stripQuotedHistory('Yes please\n> earlier text\n> more')).toBe('Yes please');
  });

  it('cuts at Outlook separators', () => {
    expect(stripQuotedHistory('Fine.\n-----Original Message-----\nFrom: Support')).toBe('Fine.');
    expect(stripQuotedHistory('Fine.\n\n________________________________\nFrom: Support\nSent: Monday')).toBe('Fine.');
  });

  it('keeps a text with no quote, and a text that is all quote', () => {
    expect(stripQuotedHistory('  Just this.\n\nBest, Anna  ')).toBe('Just this.\n\nBest, Anna');
    expect(stripQuotedHistory('> only a quote')).toBe('> only a quote');
    // "On" in the middle of a sentence is not a header
    expect(stripQuotedHistory('On Monday the app crashed.\nPlease help.')).toBe('On Monday the app crashed.\nPlease help.');
  });
});
