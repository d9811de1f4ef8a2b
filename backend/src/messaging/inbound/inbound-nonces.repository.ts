import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { InboundEmailNonceEntity } from './inbound-email-nonce.entity';

/** The webhook-ids of signed inbound-email requests already processed, per workspace (replay protection). */
@Injectable()
export class InboundNoncesRepository {
  constructor(@InjectRepository(InboundEmailNonceEntity) private readonly nonces: Repository<InboundEmailNonceEntity>) {}

  private repo(manager?: EntityManager): Repository<InboundEmailNonceEntity> {
    return manager ? manager.getRepository(InboundEmailNonceEntity) : this.nonces;
  }

  /**
   * Claims a webhook-id (false: already processed). Inside the caller's transaction the row stays locked until it
   * commits, so a second request with the same id waits and then finds it. Ids older than `forgetAfterSeconds` are
   * purged first: a replay of one of them is refused as stale by its timestamp anyway.
   */
  async claim(workspaceId: string, webhookId: string, forgetAfterSeconds: number, manager?: EntityManager): Promise<boolean> {
    const repo = this.repo(manager);
    await repo
      .createQueryBuilder()
      .delete()
      .where('workspace_id = :workspaceId AND received_at < now() - make_interval(secs => :secs)', {
        workspaceId,
        secs: forgetAfterSeconds,
      })
      .execute();
    const result = await repo
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, webhookId })
      .orIgnore()
      .returning(['webhookId'])
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Whether a webhook-id was already processed (a cheap check before parsing; the claim decides). */
  async seen(workspaceId: string, webhookId: string): Promise<boolean> {
    return this.nonces.exist({ where: { workspaceId, webhookId } });
  }

  /** Forgets a claim whose work failed, so the provider's retry (same webhook-id) is processed. */
  async release(workspaceId: string, webhookId: string): Promise<void> {
    await this.nonces.delete({ workspaceId, webhookId });
  }
}
