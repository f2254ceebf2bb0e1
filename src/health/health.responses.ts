// What GET /api/health answers, described for OpenAPI.
import { ApiProperty } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ enum: ['sqlite', 'postgres'] }) database!: string;
  @ApiProperty({ enum: ['demo', 'production'] }) mode!: string;
}
