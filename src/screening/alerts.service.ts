// R-V4 alert list: red-risk reports of the cases the caller may read — its own unit's and, for
// justice offices and bureaus, every unit's below it (R-S1), so parents see their children's alerts.
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { focusDisputeTypes, disputeTypeName } from '../cases/catalog/dispute-types';
import { visibleCases } from '../cases/jurisdiction';
import { toShanghaiIso } from '../common/time/instant';
import { Database } from '../database/database';
import { sql } from '../database/sql';
import { OrgsService } from '../orgs/orgs.service';
import type { RiskRecipient } from './risk-report.entity';
import type { ListAlertsQuery } from './dto/screening.dto';

interface AlertRow {
  id: string;
  case_id: string;
  reported_at: string;
  reported_by: string;
  unit_code: string;
  recipients: string;
  case_no: string;
  state: string;
  dispute_type: string;
  dispute_subtype: string | null;
  catalog_version: number;
  risk_level: string;
  handling_unit_code: string;
  summary: string;
}

@Injectable()
export class AlertsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OrgsService) private readonly orgs: OrgsService,
  ) {}

  async list(user: AuthUser, query: ListAlertsQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const visible = visibleCases(user.actor, 'r.case_id');
    const open = query.open ? ` AND c.concluded_at IS NULL` : '';
    const where = `FROM risk_reports r JOIN cases c ON c.id = r.case_id WHERE ${visible.sql}${open}`;
    const [{ total }] = await sql<{ total: number | string }>(this.db.reader, `SELECT COUNT(*) AS total ${where}`, visible.params);
    const rows = await sql<AlertRow>(
      this.db.reader,
      `SELECT r.id, r.case_id, r.reported_at, r.reported_by, r.unit_code, r.recipients, c.case_no, c.state, c.dispute_type,
              c.dispute_subtype, c.catalog_version, c.risk_level, c.handling_unit_code, c.summary
       ${where} ORDER BY r.reported_at DESC, r.id DESC LIMIT ? OFFSET ?`,
      [...visible.params, pageSize, (page - 1) * pageSize],
    );
    const unit = (code: string) => ({ code, name: this.orgs.cached(code)?.name ?? code });
    const items = rows.map((r) => ({
      id: r.id,
      kind: 'red-risk',
      reportedAt: toShanghaiIso(r.reported_at),
      reportedBy: r.reported_by,
      unit: unit(r.unit_code),
      recipients: JSON.parse(r.recipients) as RiskRecipient[],
      case: {
        id: r.case_id,
        caseNo: r.case_no,
        state: r.state,
        disputeType: r.dispute_type,
        disputeTypeName: disputeTypeName(r.dispute_type, Number(r.catalog_version), r.dispute_subtype),
        // Focus types for escalation to crime 民转刑 (domain §3).
        escalationFocus: focusDisputeTypes.includes(r.dispute_type),
        riskLevel: r.risk_level,
        handlingUnit: unit(r.handling_unit_code),
        summary: r.summary,
      },
    }));
    return { items, total: Number(total), page, pageSize };
  }
}
