import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageResponse, AuditVerifyResponse } from './audit.responses';
import { RequireRoles } from '../auth/roles.decorator';
import { Database } from '../database/database';
import { AuditQuery } from './audit.query';
import { AuditService } from './audit.service';
import { verifyAuditChain } from './audit-verifier';

/** Only the audit administrator reads the audit trail (三员分立). */
@ApiTags('audit')
@Controller('audit')
@RequireRoles('audit-admin')
export class AuditController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: '查询审计日志（审计管理员）' })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() query: AuditQuery) {
    return this.audit.search(query);
  }

  @Get('verify')
  @ApiOperation({ summary: '校验审计日志哈希链' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify() {
    return verifyAuditChain(this.db.reader);
  }
}
