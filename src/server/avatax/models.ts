/**
 * The AvaTax models as the companion receives and sends them: the wire models of
 * src/avatax/models.ts (shared with the sandbox, so the two cannot drift apart), with every
 * member optional and nullable, because AvaTax leaves out null members and the companion must
 * not trust a member to be there before it checks.
 */
import type * as Wire from '../../avatax/models.js';

/** `T` as it may arrive: any member missing or null, all the way down. */
export type Received<T> = T extends ReadonlyArray<infer Item>
  ? Array<Received<Item>>
  : T extends object
    ? { [Member in keyof T]?: Received<T[Member]> | null }
    : T;

export type AvaFetchResult<T> = Received<Wire.FetchResult<T>>;
export type AvaPingResult = Received<Wire.PingResultModel>;
export type AvaExemptionReason = Received<Wire.ExemptionReasonModel>;
export type AvaExposureZone = Received<Wire.ExposureZoneModel>;
export type AvaCoverLetter = Received<Wire.CoverLetterModel>;
export type AvaCustomer = Received<Wire.CustomerModel>;
export type AvaCertificate = Received<Wire.CertificateModel>;
export type AvaDeliveryMethod = Wire.DeliveryMethod;

/** What the companion sends to CreateCertExpressInvitation. */
export type AvaCreateInvitation = Wire.CreateCertExpressInvitationModel;

/**
 * An invitation as read back. `deliveryMethod` may come as the enum's number: the SDK's
 * models number enums, and some AvaTax builds answer with numbers too.
 */
export type AvaInvitation = Omit<Received<Wire.CertExpressInvitationModel>, 'deliveryMethod'> & {
  deliveryMethod?: AvaDeliveryMethod | number | null;
};

export interface AvaInvitationStatus {
  status?: Wire.CertExpressInvitationStatusModel['status'] | null;
  invitation?: AvaInvitation | null;
}
