// An administrator may run a sweep at once (after an outage, after loading a calendar): audited.
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError } from '../common/errors/domain.error';
import { ClockSweeper } from './clock-sweeper';

@Injectable()
export class DeadlineSweeps {
  constructor(
    @Inject(ClockSweeper) private readonly sweeper: ClockSweeper,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async sweepNow(user: AuthUser) {
    if (!user.actor.roles.includes('system-admin')) throw new ForbiddenError('只有系统管理员可以立即扫描期限');
    const report = await this.sweeper.sweepNow();
    await this.audit.append({ actorUsername: user.username, actorUnitCode: user.actor.unit.code, action: 'deadlines.sweep', targetType: 'clocks', targetId: null, detail: { ...report } });
    return report;
  }
}
