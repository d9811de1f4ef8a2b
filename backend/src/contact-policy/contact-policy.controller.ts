import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { ExternalIdPipe } from '../customers/external-id.pipe';
import {
  ContactDecisionDto,
  ContactGuardQuery,
  ContactPolicyDto,
  ContactPolicyInputDto,
  CustomerContactPolicyDto,
} from './contact-policy.dto';
import { ContactPolicyService } from './contact-policy.service';
import { ContactPolicyViews } from './contact-policy.views';

const GUARD_NOTE =
  'service is always allowed. marketing is refused by consent_withdrawn and the communication guard (open_complaint: an open ' +
  'or waiting case from feedback, a cancellation, a mention, by hand or API — not an early warning; recent_cancellation; ' +
  'recent_sla_breach). survey also by contacted_recently (the frequency cap). A customer Otklik has never seen is allowed ' +
  'with no reasons (200), so a mailing tool need not treat new customers apart.';

const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

/** The contact policy: its settings, and what it says about one customer (for CRMs, mailing tools and the profile). */
@ApiTags('contact-policy')
@Controller('workspaces/:workspaceId')
export class ContactPolicyController {
  constructor(
    private readonly policy: ContactPolicyService,
    private readonly views: ContactPolicyViews,
  ) {}

  @Get('contact-policy')
  @WorkspaceAccess({ scope: 'workspace:read' })
  @ApiOperation({ summary: "The workspace's contact frequency and communication guard" })
  @ApiOkResponse({ type: ContactPolicyDto })
  settings(@CurrentWorkspace() ws: WorkspaceContext): Promise<ContactPolicyDto> {
    return this.views.settings(ws.workspaceId);
  }

  @Put('contact-policy')
  @WorkspaceAccess({ roles: ['admin'] })
  @ApiOperation({ summary: 'Save the contact frequency and the communication guard (admins); the guard job applies it within minutes' })
  @ApiOkResponse({ type: ContactPolicyDto })
  save(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: ContactPolicyInputDto,
  ): Promise<ContactPolicyDto> {
    return this.views.saveSettings(ws.workspaceId, body, userOf(p));
  }

  @Get('customers/:externalId/contact-guard')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: 'May we contact this customer now for this purpose, and if not, why and until when', description: GUARD_NOTE })
  @ApiOkResponse({ type: ContactDecisionDto })
  guard(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() query: ContactGuardQuery,
  ): Promise<ContactDecisionDto> {
    return this.policy.check(ws.workspaceId, externalId, query.purpose);
  }

  @Get('customers/:externalId/contact-policy')
  @WorkspaceAccess({ scope: 'customers:read' })
  @ApiOperation({ summary: "The customer profile's view: survey and marketing decisions, since when guarded, when last asked" })
  @ApiOkResponse({ type: CustomerContactPolicyDto })
  ofCustomer(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('externalId', ExternalIdPipe) externalId: string,
  ): Promise<CustomerContactPolicyDto> {
    return this.views.ofCustomer(ws.workspaceId, externalId);
  }
}
