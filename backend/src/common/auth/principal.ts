import type { Request } from 'express';
import type { Role } from './roles';
import type { Scope } from '@otklik/survey-model';

/** Who is calling: a person with a dashboard session, or a server with an API token. */
export type Principal =
  | { kind: 'user'; userId: string; sessionId: string; csrfToken: string }
  /** creatorRole: the token's creator's role in the workspace now, re-read at every use (a token never outranks its creator). */
  | { kind: 'token'; tokenId: string; workspaceId: string; scopes: Scope[]; creatorRole: Role };

/** The workspace a request acts in, after membership (or token) checks. */
export interface WorkspaceContext {
  workspaceId: string;
  /** The caller's role; null for API tokens, which carry scopes instead. */
  role: Role | null;
}

export interface AppRequest extends Request {
  id: string;
  principal?: Principal;
  workspace?: WorkspaceContext;
}
