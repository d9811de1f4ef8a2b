import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerEntity } from './customer.entity';

/**
 * Display names of customers by external id, for lists that show a customer (cases, timeline, churn comments,
 * red lists, mentions): one query per page, never one per row.
 */
@Injectable()
export class CustomerNames {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /** external id → name, for the ids that have a customer with a name. */
  async of(workspaceId: string, externalIds: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const ids = [...new Set(externalIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows = await this.customers
      .createQueryBuilder('c')
      .select('c.external_id', 'externalId')
      .addSelect('c.name', 'name')
      .where('c.workspace_id = :workspaceId AND c.external_id = ANY(:ids)', { workspaceId, ids })
      .andWhere(`c.name IS NOT NULL AND c.name <> ''`)
      .getRawMany<Pick<CustomerEntity, 'externalId'> & { name: string }>();
    return new Map(rows.map((r) => [r.externalId, r.name]));
  }
}
