/**
 * A shared "now" that ticks every second while a page that shows live timers is mounted. One interval drives
 * every timer on the page, so fifty rows do not start fifty intervals. Create it during component initialisation.
 */
export class Ticker {
  now = $state(Date.now());

  constructor(everyMs = 1000) {
    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), everyMs);
      return () => clearInterval(timer);
    });
  }
}
