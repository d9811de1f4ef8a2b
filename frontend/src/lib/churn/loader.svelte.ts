import { Latest } from '$lib/latest';
import { toApiError, type ApiError } from '$lib/api/errors';

/**
 * One report on the page: its data, error and loading flag. A newer load wins over an older one still
 * in flight, so a quick change of period never shows stale numbers.
 */
export class Report<T> {
  data = $state<T | null>(null);
  error = $state<ApiError | null>(null);
  loading = $state(false);
  private readonly latest = new Latest();

  async load(fetcher: () => Promise<T>): Promise<void> {
    const isLatest = this.latest.next();
    this.loading = true;
    this.error = null;
    try {
      const data = await fetcher();
      if (isLatest()) this.data = data;
    } catch (error) {
      if (isLatest()) {
        this.data = null;
        this.error = toApiError(error);
      }
    } finally {
      if (isLatest()) this.loading = false;
    }
  }
}
