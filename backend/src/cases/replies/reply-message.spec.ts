import { describe, expect, it } from 'vitest';
import { primaryLanguage, replySubject } from './reply-message';

describe('reply message', () => {
  it('keeps the primary language subtag', () => {
    expect([primaryLanguage('ru-RU'), primaryLanguage('BG'), primaryLanguage(''), primaryLanguage(null), primaryLanguage('x1')]).toEqual([
      'ru',
      'bg',
      null,
      null,
      null,
    ]);
  });

  it('threads on their subject, else the title a person wrote, else "your feedback" in their language', () => {
    const manual = { title: 'Refund for order 1042', titleKey: null, number: 7 };
    const automatic = { title: 'Low NPS (3) in Delivery', titleKey: 'low_score', number: 12 };
    expect(replySubject(manual, 'en', 'RE: Re: Where is my parcel?')).toBe('Re: Where is my parcel?');
    expect(replySubject(manual, 'ru', null)).toBe('Re: Refund for order 1042');
    expect(replySubject(automatic, 'ru', null)).toBe('Re: Ваш отзыв (обращение № 12)');
    expect(replySubject(automatic, 'de', null)).toBe('Re: Your feedback (case #12)');
  });
});

describe('reply subject on one line', () => {
  it('collapses line breaks and tabs of a stored subject to one space', () => {
    const manual = { title: 'Refund', titleKey: null, number: 7 };
    expect(replySubject(manual, 'en', 'Re: Hello\r\n\r\nBcc: evil@x.test\tnow')).toBe('Re: Hello Bcc: evil@x.test now');
    expect(replySubject({ ...manual, title: 'Line one\nline two' }, 'en', null)).toBe('Re: Line one line two');
  });
});
