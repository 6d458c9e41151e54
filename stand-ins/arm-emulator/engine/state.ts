// The requests of a running emulator, per kind, in paging order. A reset builds a new ArmState from the seed; a
// call holds on to the state it arrived at, so one left over from before a reset cannot touch the new one.

import type { ArmRequestRecord } from "../model/records";
import { REQUEST_KINDS, type RequestKind } from "../model/request-kinds";
import type { ArmRequestStatus } from "../model/statuses";

/** Paging order: oldest first, then by name; the skip token is this key of a page's last item (engine/paging.ts). */
export const requestOrderKey = (r: ArmRequestRecord) => `${r.createdOn}|${r.name.toLowerCase()}`;

export class ArmState {
  private byKind = new Map<RequestKind, Map<string, ArmRequestRecord>>();

  constructor(requests: readonly ArmRequestRecord[]) {
    for (const { kind } of REQUEST_KINDS) this.byKind.set(kind, new Map());
    const sorted = [...requests].sort((a, b) => (requestOrderKey(a) < requestOrderKey(b) ? -1 : 1));
    for (const record of sorted) this.byKind.get(record.kind)!.set(record.name.toLowerCase(), { ...record });
  }

  all(kind: RequestKind): readonly ArmRequestRecord[] {
    return [...this.byKind.get(kind)!.values()];
  }

  find(kind: RequestKind, name: string): ArmRequestRecord | undefined {
    return this.byKind.get(kind)!.get(name.toLowerCase());
  }

  setStatus(kind: RequestKind, name: string, status: ArmRequestStatus): ArmRequestRecord | undefined {
    const record = this.find(kind, name);
    if (record) record.status = status;
    return record;
  }
}
