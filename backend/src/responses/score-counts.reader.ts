import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ResponseEntity } from './response.entity';
import { ResponseScoreRollupEntity } from './response-score-rollup.entity';
import { type ResponseScope, whereInScope } from './response-scope';
import { type MsRange, rollupPlan } from './rollup-plan';

/** Finished responses of one bucket with one score (null: finished without a score) on one scale (null: none). */
export interface BucketScoreCount {
  /** Index into the bucket starts the caller passed. */
  bucket: number;
  score: number | null;
  scaleMax: number | null;
  count: number;
}

type RollupSums = { bucket: number; scaleMax: number; unscored: number; otherScores: number } & Record<`score${number}`, number>;

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Survey metrics' counts per bucket, score and scale, aggregated in PostgreSQL: whole UTC hours from
 * response_score_rollups, the partial hours at the edges and everything a rollup key cannot filter (segment, saved
 * segment) from the rows. Buckets are given as their start instants, so the caller's calendar code decides them and
 * SQL only places each hour or row with width_bucket (the same rule as time-buckets.ts: start ≤ at < next start).
 */
@Injectable()
export class ScoreCountsReader {
  constructor(
    @InjectRepository(ResponseEntity) private readonly responses: Repository<ResponseEntity>,
    @InjectRepository(ResponseScoreRollupEntity) private readonly rollups: Repository<ResponseScoreRollupEntity>,
  ) {}

  /** Counts of the finished responses in [from, to), per bucket (bucketStarts ascending, the first one = from). */
  async byBucket(scope: ResponseScope, from: Date, to: Date, bucketStarts: readonly Date[]): Promise<BucketScoreCount[]> {
    if (scope.surveyIds.length === 0) return [];
    const starts = bucketStarts.map((d) => d.toISOString());
    const whole = { from: from.getTime(), to: to.getTime() };
    if (scope.segment || scope.segmentFilter) return this.fromRows(scope, starts, [whole]);
    const plan = rollupPlan(
      whole.from,
      whole.to,
      bucketStarts.map((d) => d.getTime()),
    );
    const [rolled, rows] = await Promise.all([
      plan.rollup ? this.fromRollups(scope, starts, plan.rollup) : Promise.resolve(null),
      plan.raw.length ? this.fromRows(scope, starts, plan.raw) : Promise.resolve([]),
    ]);
    // Scores outside 0–10 have no column of their own: such a period is counted from the rows.
    if (rolled === 'other-scores') return this.fromRows(scope, starts, [whole]);
    return [...(rolled ?? []), ...rows];
  }

  private async fromRollups(
    scope: ResponseScope,
    starts: string[],
    range: MsRange & { skipHours: number[] },
  ): Promise<BucketScoreCount[] | 'other-scores'> {
    const qb = this.rollups
      .createQueryBuilder('u')
      .select('width_bucket(u.hour, :starts::timestamptz[])', 'bucket')
      .addSelect('u.scale_max', 'scaleMax')
      .addSelect('sum(u.unscored)::int', 'unscored')
      .addSelect('sum(u.other_scores)::int', 'otherScores')
      .where('u.workspace_id = :workspaceId AND u.survey_id = ANY(:surveyIds::uuid[])', {
        workspaceId: scope.workspaceId,
        surveyIds: scope.surveyIds,
      })
      .andWhere('u.hour >= :from AND u.hour < :to', { from: iso(range.from), to: iso(range.to), starts })
      .groupBy('bucket')
      .addGroupBy('u.scale_max');
    for (const score of SCORES) qb.addSelect(`sum(u.score_${score})::int`, `score${score}`);
    if (range.skipHours.length) qb.andWhere('u.hour <> ALL(:skipHours::timestamptz[])', { skipHours: range.skipHours.map(iso) });
    if (scope.language) qb.andWhere('u.language = :language', { language: scope.language });
    const sums: RollupSums[] = await qb.getRawMany();
    if (sums.some((s) => s.otherScores > 0)) return 'other-scores';
    const counts: BucketScoreCount[] = [];
    for (const s of sums) {
      const bucket = s.bucket - 1;
      const scaleMax = s.scaleMax === 0 ? null : s.scaleMax;
      if (s.unscored) counts.push({ bucket, score: null, scaleMax, count: s.unscored });
      for (const score of SCORES) {
        const count = s[`score${score}`];
        if (count) counts.push({ bucket, score, scaleMax, count });
      }
    }
    return counts;
  }

  private async fromRows(scope: ResponseScope, starts: string[], ranges: MsRange[]): Promise<BucketScoreCount[]> {
    const qb = whereInScope(this.responses.createQueryBuilder('r'), scope)
      .select('width_bucket(r.created_at, :starts::timestamptz[])', 'bucket')
      .addSelect('r.score', 'score')
      .addSelect('r.score_scale_max', 'scaleMax')
      .addSelect('count(*)::int', 'count')
      .andWhere('r.finished')
      .setParameter('starts', starts)
      .groupBy('bucket')
      .addGroupBy('r.score')
      .addGroupBy('r.score_scale_max');
    if (ranges.length === 1) {
      qb.andWhere('r.created_at >= :from AND r.created_at < :to', { from: iso(ranges[0].from), to: iso(ranges[0].to) });
    } else {
      // Many short ranges (the hours a half-hour zone's midnights cut): one index range scan each.
      qb.innerJoin(
        (sub) => sub.select('unnest(:rangeFroms::timestamptz[])', 'from').addSelect('unnest(:rangeTos::timestamptz[])', 'to').fromDummy(),
        'w',
        'r.created_at >= w.from AND r.created_at < w.to',
      ).setParameters({ rangeFroms: ranges.map((r) => iso(r.from)), rangeTos: ranges.map((r) => iso(r.to)) });
    }
    const rows: BucketScoreCount[] = await qb.getRawMany();
    return rows.map((r) => ({ ...r, bucket: r.bucket - 1 }));
  }
}
