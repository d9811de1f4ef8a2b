import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A signed request seen recently, so a captured request cannot be replayed inside the signature window. */
@Entity('mention_ingest_nonces')
export class MentionIngestNonceEntity {
  @PrimaryColumn({ name: 'key_id', type: 'varchar', length: 40 })
  keyId: string;

  @PrimaryColumn({ name: 'message_id', type: 'varchar', length: 200 })
  messageId: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
