import { ChurnAnalyticsController } from './churn-analytics.controller';
import { ChurnAnalyticsRepository } from './churn-analytics.repository';
import { ChurnTrendService } from './churn-trend.service';
import { CustomerAnalyticsService } from './customer-analytics.service';
import { ReasonAnalyticsService } from './reason-analytics.service';

/** What ChurnModule registers for the analytics (they use its reasons, summary and inactivity providers). */
export const CHURN_ANALYTICS_CONTROLLERS = [ChurnAnalyticsController];
export const CHURN_ANALYTICS_PROVIDERS = [ChurnAnalyticsRepository, ReasonAnalyticsService, CustomerAnalyticsService, ChurnTrendService];
