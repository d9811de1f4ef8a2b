import { Logger } from '@nestjs/common';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/app-config';
import { Mailer } from './mailer';

const message = { to: 'new@example.test', subject: 'Your Otklik code: 12345678', text: 'enter this code: 12345678' };

describe('Mailer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('without SMTP_URL writes the whole mail, code included, to the log at warn level', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await new Mailer(loadConfig({})).send(message);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('SMTP_URL is not set');
    expect(String(warn.mock.calls[0][0])).toContain('To: new@example.test');
    expect(String(warn.mock.calls[0][0])).toContain('enter this code: 12345678');
  });

  it('answers 503 mail_unavailable when the SMTP server cannot be reached', async () => {
    vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    // A port that was free a moment ago: connecting is refused.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const mailer = new Mailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` }));
    await expect(mailer.send(message)).rejects.toMatchObject({ code: 'mail_unavailable', status: 503 });
    mailer.onModuleDestroy();
  });
});
