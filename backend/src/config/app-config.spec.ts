import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has sensible defaults: port 3000, embedded database, demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.dataDir.endsWith('.otklik')).toBe(true);
    expect(config.cookieSecure).toBe(false);
  });

  it('creates no demo data when DATABASE_URL is set, and secures cookies behind https', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db/otklik', PUBLIC_URL: 'https://cx.example.com/' });
    expect(config.seedDemo).toBe(false);
    expect(config.publicUrl).toBe('https://cx.example.com');
    expect(config.cookieSecure).toBe(true);
  });

  it('names every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', COOKIE_SECURE: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be a whole number');
    expect(message).toContain('DATABASE_URL must start with postgres://');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('COOKIE_SECURE must be true or false');
  });

  it('takes SMTP_URL and MAIL_FROM, and refuses a malformed one', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465', PUBLIC_URL: 'https://cx.example.com' });
    expect(config.smtpUrl).toBe('smtps://mailer:secret@smtp.example.com:465');
    expect(config.mailFrom).toBe('Otklik <no-reply@cx.example.com>');
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.example.com' })).toThrow(/SMTP_URL must look like/);
    expect(() => loadConfig({ MAIL_FROM: 'a@b.example\r\nBcc: x@evil.example' })).toThrow(/MAIL_FROM must be an email address/);
  });
});
