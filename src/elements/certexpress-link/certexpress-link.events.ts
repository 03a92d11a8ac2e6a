/** Detail of `certexpress-invite-created`. */
export interface InviteCreatedDetail {
  id: number;
  /** An open invitation for the zone was reused instead of creating one. */
  reused: boolean;
}

/** Detail of `certexpress-link-ready`. */
export interface LinkReadyDetail {
  url: string;
}

/** Detail of `certexpress-link-open`: the form link the person just opened. */
export type LinkOpenDetail = LinkReadyDetail;

export type InviteCreatedEvent = CustomEvent<InviteCreatedDetail>;
export type LinkReadyEvent = CustomEvent<LinkReadyDetail>;
export type LinkOpenEvent = CustomEvent<LinkOpenDetail>;

declare global {
  interface HTMLElementEventMap {
    'certexpress-invite-created': InviteCreatedEvent;
    'certexpress-link-ready': LinkReadyEvent;
    'certexpress-link-open': LinkOpenEvent;
  }
}
