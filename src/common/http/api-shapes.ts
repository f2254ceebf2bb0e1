// Small shapes many answers share, for OpenAPI descriptions (the *.responses.ts files).
import { ApiProperty } from '@nestjs/swagger';

export class UnitNameResponse {
  @ApiProperty({ example: '130606002-jo' }) code!: string;
  @ApiProperty({ example: '五四路街道司法所' }) name!: string;
}

export class ActorResponse {
  @ApiProperty({ example: '130606002-jo' }) username!: string;
  @ApiProperty({ example: '130606002-jo' }) unitCode!: string;
}

/** A free-form object: its fields depend on the record (event payloads, rule inputs). */
export const freeForm = (description: string, nullable = true) => ({ type: 'object', additionalProperties: true, nullable, description }) as const;
