import { Injectable } from '@nestjs/common';
import { SurveyRow, SurveysRepository } from './surveys.repository';

const TTL_MS = 5_000;

/**
 * Surveys by public key for the public edge, kept a few seconds so a busy widget does not cost a
 * survey lookup per request. Edits call forget(); other replicas see them within TTL_MS.
 */
@Injectable()
export class PublicSurveyCache {
  private readonly entries = new Map<string, { survey: SurveyRow | null; expiresAt: number }>();

  constructor(private readonly surveys: SurveysRepository) {}

  async byPublicKey(publicKey: string): Promise<SurveyRow | null> {
    const now = Date.now();
    const hit = this.entries.get(publicKey);
    if (hit && hit.expiresAt > now) return hit.survey;
    const survey = await this.surveys.findByPublicKey(publicKey);
    if (this.entries.size > 10_000) this.entries.clear(); // bounded: unknown keys must not grow it forever
    this.entries.set(publicKey, { survey, expiresAt: now + TTL_MS });
    return survey;
  }

  forget(surveyId: string): void {
    for (const [key, entry] of this.entries) if (entry.survey?.id === surveyId) this.entries.delete(key);
  }
}
