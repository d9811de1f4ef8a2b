import { LossReasonResolver } from './loss-reason.resolver';
import { RedSpectrumController } from './red-spectrum.controller';
import { RedSpectrumService } from './red-spectrum.service';

/** What ChurnModule registers for the red spectrum (it needs the cases, clusters and responses readers and CustomerLossesReader). */
export const RED_SPECTRUM_CONTROLLERS = [RedSpectrumController];
export const RED_SPECTRUM_PROVIDERS = [LossReasonResolver, RedSpectrumService];
