import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from './health.responses';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Database } from '../database/database';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness and readiness: the process answers and the database does too. */
  @Public()
  @Get()
  @ApiOperation({ summary: '存活与就绪检查：服务与数据库均可应答（无需登录）' })
  @ApiOkResponse({ type: HealthResponse })
  async health() {
    await this.db.reader.query('SELECT 1');
    return { status: 'ok', database: this.db.isPostgres ? 'postgres' : 'sqlite', mode: this.config.mode };
  }
}
