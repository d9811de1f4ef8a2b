import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';

describe('normalize', () => {
  it('lower-cases and folds ё into е', () => {
    expect(normalize('ЁЛКА и Ёжик ещё')).toBe('елка и ежик еще');
  });

  it('keeps ё when asked', () => {
    expect(normalize('Ещё', { foldYo: false })).toBe('ещё');
  });

  it('removes links, e-mails and @handles', () => {
    expect(normalize('@shop_express see https://shop.ru/orders?id=5 or www.test.com/x, mail me: a.b@mail.ru')).toBe('see or mail me:');
    expect(normalize('заказ на ozon.ru не пришел')).toBe('заказ на не пришел');
  });

  it('removes stand-alone numbers but keeps words with digits', () => {
    expect(normalize('Order #48213 for £100 on 12.03.2024, 5G and 4g covid19')).toBe('order for on , 5g and 4g covid19');
  });

  it('removes emoji, flags and skin tones', () => {
    expect(normalize('Ужас 😡😡 доставка 👍🏽 🇷🇺!')).toBe('ужас доставка !');
  });

  it('spells out English negations as their own word', () => {
    expect(normalize("It didn't work, I can't pay and it won't load")).toBe('it did not work, i can not pay and it will not load');
  });
});
