import { redirect } from '@sveltejs/kit';
import { session, loginUrl } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

// Every page in the app shell needs a signed-in user.
export const load: LayoutLoad = async ({ url }) => {
  const status = await session.ensure();
  if (status !== 'authenticated') redirect(307, loginUrl(url));
};
