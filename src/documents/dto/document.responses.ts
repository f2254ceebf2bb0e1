// What the document routes answer, described for OpenAPI (../documents.service.ts builds them).
import { ApiProperty } from '@nestjs/swagger';
import { serviceMethods } from './record-service.dto';

class ServiceReceiptResponse {
  @ApiProperty({ nullable: true, type: String, description: '签收人' }) signedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) signedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

class ServedByResponse {
  @ApiProperty() username!: string;
  @ApiProperty() unitCode!: string;
}

export class DocumentServiceResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Object.keys(serviceMethods) }) method!: string;
  @ApiProperty({ example: '直接送达' }) methodLabel!: string;
  @ApiProperty({ format: 'date-time' }) servedAt!: string;
  @ApiProperty({ description: '受送达人' }) recipient!: string;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ type: ServiceReceiptResponse, description: '送达回证' }) receipt!: ServiceReceiptResponse;
  @ApiProperty({ type: ServedByResponse }) servedBy!: ServedByResponse;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class DocumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'guidance-notice', description: '文书种类' }) kind!: string;
  @ApiProperty({ example: '告知引导书' }) title!: string;
  @ApiProperty({ example: '莲五四告字〔2026〕1号' }) number!: string;
  @ApiProperty({ enum: ['pending', 'ready', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'PDF 的 SHA-256（生成后）' }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) templateVersion!: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ description: '出具人（用户名）' }) issuedBy!: string;
  @ApiProperty() issuingUnitCode!: string;
  @ApiProperty({ nullable: true, type: Number }) pages!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '字节数' }) size!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) renderedAt!: string | null;
  @ApiProperty({ description: '生成尝试次数' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: '最近一次生成失败的原因' }) lastError!: string | null;
  @ApiProperty({ type: [DocumentServiceResponse], description: '送达记录（R-F3）' }) services!: DocumentServiceResponse[];
}
