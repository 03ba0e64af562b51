import type { Notice } from '../../../shared/state/snapshot';

/** Notices for this run of the app (not persisted: a recovery notice belongs to the start that found it). */
export class NoticeService {
  private notices: Notice[];

  constructor(initial: readonly Notice[] = []) {
    this.notices = [...initial];
  }

  list(): Notice[] {
    return [...this.notices];
  }

  /** Add a notice found while running (e.g. the record turned read-only); one per id. */
  add(notice: Notice): void {
    if (!this.notices.some((n) => n.id === notice.id)) this.notices.push(notice);
  }

  dismiss(id: string): boolean {
    const before = this.notices.length;
    this.notices = this.notices.filter((notice) => notice.id !== id);
    return this.notices.length !== before;
  }
}
