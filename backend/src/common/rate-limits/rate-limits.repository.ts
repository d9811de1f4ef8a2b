import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { RateLimitEntity } from './rate-limit.entity';

@Injectable()
export class RateLimitsRepository {
  constructor(@InjectRepository(RateLimitEntity) private readonly rows: Repository<RateLimitEntity>) {}

  /** Deletes the counters whose window ended before `beforeMs` (epoch ms); returns how many. */
  async deleteExpired(beforeMs: number): Promise<number> {
    const result = await this.rows.delete({ expire: LessThan(String(beforeMs)) });
    return result.affected ?? 0;
  }
}
