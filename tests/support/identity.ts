import { createHmac } from 'node:crypto';
import type request from 'supertest';

/**
 * What a host's server does for the widgets (identity verification, customer-identity/): signs a customer id with
 * the workspace's identity secret. `as` is an admin's session.
 */
export async function customerSigner(
  as: { get(path: string): request.Test },
  workspaceId: string,
): Promise<(customerId: string) => string> {
  const res = await as.get(`/api/v1/workspaces/${workspaceId}/identity-secret`).expect(200);
  const secret = res.body.secret as string;
  return (customerId) => createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');
}
