import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { newWebhookSecret } from '../webhooks/webhook-signature';
import { WorkspacesReader } from '../workspaces/workspaces.reader';
import { MessagingSettingsRepository, type SenderSettings } from './messaging-settings.repository';

/** The dashboard's accent colour: emails of a workspace that chose none. */
export const DEFAULT_BRAND_COLOUR = '#4f46e5';

export interface MessagingSettings {
  /** The sender's display name; null = the workspace's name. */
  fromName: string | null;
  /** The sender's address; null = MAIL_FROM's address. */
  fromAddress: string | null;
  replyTo: string | null;
  brandColour: string;
  /** Signs the inbound endpoints' requests; null until an admin first reveals it (inbound requests are refused). */
  inboundSecret: string | null;
}

/** Who an email comes from, resolved: the workspace's settings over the instance's MAIL_FROM. */
export interface Sender {
  workspaceName: string;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  brandColour: string;
}

/** The address inside `Name <address>` or a bare address. */
export function addressOf(mailbox: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(mailbox);
  return (angle ? angle[1] : mailbox).trim();
}

@Injectable()
export class MessagingSettingsService {
  constructor(
    private readonly settings: MessagingSettingsRepository,
    private readonly workspaces: WorkspacesReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async settingsOf(workspaceId: string): Promise<MessagingSettings> {
    const row = await this.settings.find(workspaceId);
    return {
      fromName: row?.fromName ?? null,
      fromAddress: row?.fromAddress ?? null,
      replyTo: row?.replyTo ?? null,
      brandColour: row?.brandColour ?? DEFAULT_BRAND_COLOUR,
      inboundSecret: row?.inboundSecret ?? null,
    };
  }

  /** The instance's MAIL_FROM: the sender of workspaces that set none. */
  instanceFrom(): string {
    return this.config.mailFrom;
  }

  async senderOf(workspaceId: string): Promise<Sender> {
    const [settings, workspaceName] = await Promise.all([this.settingsOf(workspaceId), this.workspaces.nameOf(workspaceId)]);
    const name = workspaceName ?? 'Otklik';
    return {
      workspaceName: name,
      fromName: settings.fromName ?? name,
      fromAddress: settings.fromAddress ?? addressOf(this.config.mailFrom),
      replyTo: settings.replyTo,
      brandColour: settings.brandColour,
    };
  }

  saveSender(workspaceId: string, sender: SenderSettings, userId: string | null): Promise<void> {
    return this.settings.saveSender(workspaceId, sender, userId);
  }

  /** The inbound secret, created on first use. */
  inboundSecret(workspaceId: string): Promise<string> {
    return this.settings.ensureInboundSecret(workspaceId, newWebhookSecret());
  }

  async rotateInboundSecret(workspaceId: string, userId: string | null): Promise<string> {
    const secret = newWebhookSecret();
    await this.settings.setInboundSecret(workspaceId, secret, userId);
    return secret;
  }
}
