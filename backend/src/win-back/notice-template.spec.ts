import { describe, expect, it } from 'vitest';
import { defaultNotice, renderNotice } from './notice-template';

describe('renderNotice', () => {
  it('fills the name and what changed', () => {
    expect(renderNotice('Hello, {name}! {what_changed}', { name: 'Anna', whatChanged: 'New courier' })).toBe('Hello, Anna! New courier');
  });
  it('drops the name with its separator when the customer has none', () => {
    expect(renderNotice('Hello, {name}! Dear {name}.', { name: null, whatChanged: 'x' })).toBe('Hello! Dear.');
  });
  it('has a default in Russian and falls back on English', () => {
    expect(defaultNotice('ru').subject).toBe('Мы исправили то, что вас подвело');
    expect(defaultNotice('de').subject).toBe('We fixed what let you down');
  });
});
